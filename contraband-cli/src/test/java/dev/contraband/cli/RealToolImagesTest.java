package dev.contraband.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contraband.sample.SampleElf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Issue 2 items 9 and "done": an image built by the real tools from a folder — {@code umoci} for the OCI layout,
 * {@code skopeo} for the {@code docker save} archive and the Docker v2s2 manifest, {@code tar} for the oci-archive —
 * scans the same through every source kind, and a file deleted by a later layer is reported {@code deleted: true}
 * with the layer that holds it.
 *
 * <p>umoci and skopeo are Debian packages that the README's test command installs; when they are missing this test
 * fails (it does not skip), so that CI cannot pass without having run it. {@code umoci unpack} needs root, which
 * tests here and in CI are.
 */
class RealToolImagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAG = "v2";

    @TempDir
    static Path tmp;

    /** The targets of one image, by source kind, in the order they are compared. */
    private static final Map<String, String> LAYERED = new LinkedHashMap<>();
    private static String dirTarget;
    private static final Map<String, JsonNode> REPORTS = new LinkedHashMap<>();

    /** A file finding as the report contract has it; for config findings path, deleted and layerIndex are null. */
    record Found(String ruleId, String path, Boolean deleted, Integer layerIndex) {
        static Found of(JsonNode f) {
            return new Found(f.path("ruleId").asText(), text(f.get("path")),
                    f.hasNonNull("deleted") ? f.get("deleted").asBoolean() : null,
                    f.hasNonNull("layerIndex") ? f.get("layerIndex").asInt() : null);
        }

        private static String text(JsonNode n) {
            return n == null || n.isNull() ? null : n.asText();
        }
    }

    @BeforeAll
    static void buildImagesWithTheRealTools() throws IOException, InterruptedException {
        requireTool("umoci");
        requireTool("skopeo");
        requireTool("tar");

        // the first layer's content: a folder with planted findings and some clean files
        Path rootfs = tmp.resolve("rootfs");
        write(rootfs.resolve("tmp/.x/kworker"), SampleElf.program(), "rwxr-xr-x");
        write(rootfs.resolve("opt/.cache/helper"), SampleElf.program(), "rwxr-xr-x");
        write(rootfs.resolve("etc/ld.so.preload"), "/usr/local/lib/libhide.so\n".getBytes(StandardCharsets.UTF_8), "rw-r--r--");
        // setuid-root: the file is owned by root because the tests run as root
        write(rootfs.resolve("usr/local/bin/su2"), SampleElf.program(), "rwxr-xr-x");
        run("chmod", "4755", rootfs.resolve("usr/local/bin/su2").toString());
        write(rootfs.resolve("etc/os-release"), "ID=realtool\nPRETTY_NAME=\"Real Tool Linux\"\n".getBytes(StandardCharsets.UTF_8), "rw-r--r--");
        write(rootfs.resolve("usr/bin/app"), SampleElf.program(), "rwxr-xr-x");
        write(rootfs.resolve("usr/share/doc/app/README"), "Scratch files go to /tmp.\n".getBytes(StandardCharsets.UTF_8), "rw-r--r--");
        Files.createDirectories(rootfs.resolve("var/tmp"));

        // layer 0: umoci new gives an empty image; unpack it, fill its rootfs, repack as v1 (base stays as it was)
        Path layout = tmp.resolve("layout");
        run("umoci", "init", "--layout", layout.toString());
        run("umoci", "new", "--image", layout + ":base");
        Path bundle1 = tmp.resolve("bundle1");
        run("umoci", "unpack", "--image", layout + ":base", bundle1.toString());
        run("cp", "-a", rootfs + "/.", bundle1.resolve("rootfs").toString());
        run("umoci", "repack", "--image", layout + ":v1", bundle1.toString());

        // layer 1: unpack v1, delete the planted /tmp program, add another one in /var/tmp, repack as v2
        Path bundle2 = tmp.resolve("bundle2");
        run("umoci", "unpack", "--image", layout + ":v1", bundle2.toString());
        Path finalRootfs = bundle2.resolve("rootfs");
        Files.delete(finalRootfs.resolve("tmp/.x/kworker"));
        write(finalRootfs.resolve("var/tmp/updater"), SampleElf.program(), "rwxr-xr-x");
        run("umoci", "repack", "--image", layout + ":" + TAG, bundle2.toString());
        // a config-only change, as a Dockerfile ENTRYPOINT would make (an empty_layer history entry)
        run("umoci", "config", "--image", layout + ":" + TAG, "--config.entrypoint", "/var/tmp/updater");

        Path dockerArchive = tmp.resolve("docker-save.tar");
        run("skopeo", "--insecure-policy", "copy", "oci:" + layout + ":" + TAG,
                "docker-archive:" + dockerArchive + ":test/app:1");
        Path ociArchive = tmp.resolve("oci-archive.tar");
        run("tar", "-C", layout.toString(), "-cf", ociArchive.toString(), ".");
        // skopeo 1.9 writes a Docker v2s2 manifest (and Docker media types) into an OCI layout when asked to
        Path v2s2 = tmp.resolve("layout-v2s2");
        run("skopeo", "--insecure-policy", "copy", "--format", "v2s2", "oci:" + layout + ":" + TAG,
                "oci:" + v2s2 + ":" + TAG);
        assertThat(Files.readString(v2s2.resolve("index.json")))
                .as("skopeo --format v2s2 wrote a Docker manifest")
                .contains("application/vnd.docker.distribution.manifest.v2+json");

        LAYERED.put("oci", "oci:" + layout + ":" + TAG);
        LAYERED.put("oci-archive", "oci-archive:" + ociArchive + ":" + TAG);
        LAYERED.put("docker-archive", "docker-archive:" + dockerArchive);
        LAYERED.put("oci (Docker v2s2 manifest)", "oci:" + v2s2 + ":" + TAG);
        // dir: the final state of the filesystem, the folder v2 was packed from, as one layer
        dirTarget = "dir:" + finalRootfs;

        List<String> all = new ArrayList<>(LAYERED.values());
        all.add(dirTarget);
        int n = 0;
        for (String target : all) {
            Path report = tmp.resolve("report-" + n++ + ".json");
            Fixtures.Run run = Fixtures.run("scan", target, "--format", "json", "-o", report.toString());
            assertThat(run.exitCode()).as("scan %s; stderr:%n%s", target, run.stderr()).isEqualTo(1);
            assertThat(run.stderr()).as("stderr of scan %s", target).isEmpty();
            REPORTS.put(target, JSON.readTree(report.toFile()));
        }
    }

    private static Set<Found> findings(String target) {
        Set<Found> out = new HashSet<>();
        REPORTS.get(target).get("findings").forEach(f -> out.add(Found.of(f)));
        return out;
    }

    @Test
    void scan_umociImage_findsWhatWasPlantedInEachLayer() {
        assertThat(findings(LAYERED.get("oci"))).containsExactlyInAnyOrder(
                new Found("artifact.elf-in-temp-dir", "/tmp/.x/kworker", true, 0),
                new Found("artifact.elf-in-hidden-dir", "/opt/.cache/helper", false, 0),
                new Found("artifact.ld-so-preload", "/etc/ld.so.preload", false, 0),
                new Found("artifact.setuid-root-outside-system-paths", "/usr/local/bin/su2", false, 0),
                new Found("artifact.elf-in-temp-dir", "/var/tmp/updater", false, 1),
                new Found("artifact.entrypoint-runs-from-temp-dir", null, null, null));
    }

    @Test
    void scan_sameImageThroughEveryLayeredSourceKind_givesSameFindings() {
        Set<Found> expected = findings(LAYERED.get("oci"));
        for (Map.Entry<String, String> kind : LAYERED.entrySet()) {
            assertThat(findings(kind.getValue())).as("findings of the %s form (%s)", kind.getKey(), kind.getValue())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void scan_sameImageThroughEveryLayeredSourceKind_hasSameLayersAndVerdict() {
        JsonNode oci = REPORTS.get(LAYERED.get("oci"));
        List<String> diffIds = diffIds(oci);
        assertThat(diffIds).hasSize(2);
        for (String target : LAYERED.values()) {
            JsonNode report = REPORTS.get(target);
            assertThat(diffIds(report)).as("diffIds of %s", target).isEqualTo(diffIds);
            assertThat(report.at("/image/platform").asText()).isEqualTo("linux/amd64");
            assertThat(report.at("/verdict/status").asText()).as("verdict of %s", target)
                    .isEqualTo(oci.at("/verdict/status").asText());
        }
        // oci-archive is a tar of the very layout: same manifest, same compressed blobs
        JsonNode archive = REPORTS.get(LAYERED.get("oci-archive"));
        assertThat(archive.at("/image/digest")).isEqualTo(oci.at("/image/digest"));
        assertThat(archive.at("/image/layers")).isEqualTo(oci.at("/image/layers"));
    }

    @Test
    void scan_dirOfFinalFilesystem_givesSameFileFindingsAsLayeredFormsLessDeletedOnes() {
        Set<String> fromDir = ruleAndPath(findings(dirTarget));
        assertThat(fromDir).isNotEmpty();
        for (String target : LAYERED.values()) {
            Set<String> live = ruleAndPath(findings(target).stream().filter(f -> Boolean.FALSE.equals(f.deleted()))
                    .collect(Collectors.toSet()));
            assertThat(fromDir).as("file findings of %s against those of %s", dirTarget, target)
                    .containsExactlyInAnyOrderElementsOf(live);
        }
        assertThat(fromDir).noneMatch(s -> s.contains("/tmp/.x/kworker"));
    }

    @Test
    void scan_fileDeletedByLaterLayer_reportedDeletedWithTheLayerThatHoldsIt() {
        for (String target : LAYERED.values()) {
            JsonNode report = REPORTS.get(target);
            List<JsonNode> kworker = new ArrayList<>();
            report.get("findings").forEach(f -> {
                if ("/tmp/.x/kworker".equals(f.path("path").asText())) {
                    kworker.add(f);
                }
            });
            assertThat(kworker).as("findings on the deleted file in %s", target).isNotEmpty();
            String layer0 = report.at("/image/layers/0/digest").asText();
            for (JsonNode f : kworker) {
                assertThat(f.get("deleted").asBoolean()).as("deleted in %s", target).isTrue();
                assertThat(f.get("layerIndex").asInt()).isZero();
                assertThat(f.get("layerDigest").asText()).isEqualTo(layer0);
            }
        }
    }

    private static List<String> diffIds(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.at("/image/layers").forEach(l -> out.add(l.path("diffId").asText()));
        return out;
    }

    /** Rule id and path of the file findings (dir: has no config, so config findings are left out). */
    private static Set<String> ruleAndPath(Set<Found> findings) {
        return findings.stream().filter(f -> f.path() != null).map(f -> f.ruleId() + " " + f.path())
                .collect(Collectors.toSet());
    }

    // ---- running the tools ------------------------------------------------------------------------------------

    private static void requireTool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return;
            }
        }
        fail(name + " is not installed: this test builds images with the real tools; "
                + "install them with `apt-get install -y umoci skopeo` (the README's test command does)");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        byte[] output = p.getInputStream().readAllBytes();
        int code = p.waitFor();
        if (code != 0) {
            fail(String.join(" ", command) + " exited with " + code + ":\n" + new String(output, StandardCharsets.UTF_8));
        }
    }

    private static void write(Path file, byte[] content, String perms) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
    }
}
