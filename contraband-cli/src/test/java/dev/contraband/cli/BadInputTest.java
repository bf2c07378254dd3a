package dev.contraband.cli;

import dev.contraband.image.Digest;
import dev.contraband.image.Platform;
import dev.contraband.layer.Compression;
import dev.contraband.sample.ImageBuilder;
import dev.contraband.sample.ImageWriter;
import dev.contraband.sample.LayerBuilder;
import dev.contraband.sample.SampleElf;
import dev.contraband.sample.SampleImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 2 item 8: every input that cannot be scanned ends with exit code 2 and exactly one line on stderr naming the
 * input, the part of it (layer, blob, file) and the cause — never a stack trace, unless {@code --debug} asks for
 * one. Each image here is broken in exactly one way; everything else about it is consistent.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    // ---- helpers ----------------------------------------------------------------------------------------------

    /**
     * Runs {@code args} and checks the one-line failure: it starts by naming {@code target}, and the rest of it (the
     * part of the input and the cause) holds every one of {@code fragments}. Then runs them again with
     * {@code --debug} and checks that the same line is followed by a stack trace. Returns the rest of the line.
     */
    private static String assertFailsWithOneLine(List<String> args, String target, String... fragments) {
        Fixtures.Run run = Fixtures.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as("exit code of %s; stderr:%n%s", args, run.stderr()).isEqualTo(2);
        assertThat(run.stderrLines()).as("stderr of %s", args).hasSize(1);
        assertThat(run.stderrLines()).noneMatch(l -> l.startsWith("\tat "));
        String line = run.stderrLines().getFirst();
        String prefix = "contraband: " + target + ": ";
        assertThat(line).startsWith(prefix);
        String rest = line.substring(prefix.length());
        assertThat(rest).as("the line after the target").contains(fragments);
        assertThat(run.stdout()).as("no report for a scan that could not be done").isEmpty();

        List<String> debugArgs = new ArrayList<>(args);
        debugArgs.add(1, "--debug");
        Fixtures.Run debug = Fixtures.run(debugArgs.toArray(String[]::new));
        assertThat(debug.exitCode()).as("exit code with --debug; stderr:%n%s", debug.stderr()).isEqualTo(2);
        assertThat(debug.stderrLines().getFirst()).isEqualTo(line);
        assertThat(debug.stderrLines()).as("--debug prints the stack trace").anyMatch(l -> l.startsWith("\tat "));
        return rest;
    }

    private static String assertFailsWithOneLine(String target, String... fragments) {
        return assertFailsWithOneLine(List.of("scan", target), target, fragments);
    }

    /** A layer tar with enough varied content that its gzip form is several kilobytes. */
    private static byte[] noisyTar() {
        byte[] noise = new byte[64 << 10];
        new Random(42).nextBytes(noise);
        return LayerBuilder.create()
                .dir("/etc")
                .file("/etc/os-release", "ID=test\n")
                .file("/usr/share/noise.bin", noise, 0644)
                .file("/etc/motd", "hello\n")
                .tar();
    }

    private static byte[] zerosTar(int bytes) {
        return LayerBuilder.create().file("/srv/zeros", new byte[bytes], 0644).tar();
    }

    // ---- a path that does not exist ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"docker-archive", "oci", "oci-archive", "dir"})
    void scan_pathDoesNotExist_exits2WithOneLine(String scheme) {
        Path missing = tmp.resolve("no-such-image");
        assertFailsWithOneLine(scheme + ":" + missing, "no such");
    }

    // ---- truncated or corrupt layers --------------------------------------------------------------------------

    @Test
    void scan_truncatedGzipLayer_exits2WithOneLine() throws IOException {
        Fixtures.Layer whole = Fixtures.Layer.of(noisyTar(), Compression.GZIP);
        byte[] cut = Arrays.copyOf(whole.blob(), whole.blob().length / 2);
        // digest and size describe the cut blob: only the truncation is wrong
        Fixtures.Layer truncated = whole.restoringDescriptor(cut);
        Fixtures.ociLayout(tmp.resolve("layout"), List.of(truncated));

        String cause = assertFailsWithOneLine("oci:" + tmp.resolve("layout"), "layer 0", truncated.digest().toString());
        assertThat(cause).contains("truncated");
    }

    @Test
    void scan_truncatedUncompressedDockerArchiveLayer_exits2WithOneLine() throws IOException {
        byte[] tar = noisyTar();
        byte[] cut = Arrays.copyOf(tar, tar.length / 2);
        Path archive = tmp.resolve("cut.tar");
        // the config names the cut tar's own diffId: only the truncation is wrong
        Fixtures.dockerArchive(archive, List.of(cut), List.of(Digest.sha256Of(cut)));

        String cause = assertFailsWithOneLine("docker-archive:" + archive, "layer 0", "truncated tar");
        assertThat(cause).doesNotContain("digest mismatch");
    }

    @Test
    void scan_truncatedUncompressedLayerAgainstOriginalDiffId_exits2WithOneLine() throws IOException {
        byte[] tar = noisyTar();
        byte[] cut = Arrays.copyOf(tar, tar.length / 2);
        Path archive = tmp.resolve("cut.tar");
        // the config keeps the diffId of the whole tar; an uncompressed layer is hashed once and checked after the
        // tar is parsed, so the more specific cause, the truncation, is what the user reads
        Fixtures.dockerArchive(archive, List.of(cut), List.of(Digest.sha256Of(tar)));

        assertFailsWithOneLine("docker-archive:" + archive, "layer 0", Digest.sha256Of(tar).toString(),
                "truncated tar");
    }

    @Test
    void scan_tarEntrySizeRunsPastEnd_exits2WithOneLine() throws IOException {
        byte[] tar = LayerBuilder.create().file("/etc/motd", "ten bytes\n").tar();
        byte[] lying = Fixtures.withFirstEntrySize(tar, 1 << 20);
        // the tar itself is what is stored and named by digest and diffId: only the entry's size is wrong
        Fixtures.Layer layer = Fixtures.Layer.of(lying, Compression.GZIP);
        Fixtures.ociLayout(tmp.resolve("layout"), List.of(layer));

        String cause = assertFailsWithOneLine("oci:" + tmp.resolve("layout"), "layer 0", layer.digest().toString());
        assertThat(cause).contains("truncated");
    }

    @Test
    void scan_tarEntrySizeRunsPastEndOfFileTheDetectorsRead_exits2WithOneLine() throws IOException {
        byte[] tar = LayerBuilder.create().file("/tmp/.x/kworker", SampleElf.program(), 0755).tar();
        byte[] lying = Fixtures.withFirstEntrySize(tar, 1 << 20);
        Fixtures.Layer layer = Fixtures.Layer.of(lying, Compression.NONE);
        Fixtures.ociLayout(tmp.resolve("layout"), List.of(layer));

        String cause = assertFailsWithOneLine("oci:" + tmp.resolve("layout"), "layer 0", layer.digest().toString());
        assertThat(cause).contains("truncated");
    }

    // ---- decompression bombs and size limits ------------------------------------------------------------------

    private Path zerosLayout() throws IOException {
        Path layout = tmp.resolve("zeros");
        ImageWriter.ociLayout(layout, "latest", ImageBuilder.create()
                .layer(LayerBuilder.create().file("/srv/zeros", new byte[4 << 20], 0644), Compression.GZIP, "bomb")
                .build());
        return layout;
    }

    @Test
    void scan_zerosLayerWithoutLimits_exits0() throws IOException {
        // the control for the two limit tests below: the image itself is fine
        Path layout = zerosLayout();
        Fixtures.Run run = Fixtures.run("scan", "oci:" + layout);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void scan_decompressionBombOverMaxLayerBytes_exits2WithOneLine() throws IOException {
        Path layout = zerosLayout();
        String target = "oci:" + layout;
        String cause = assertFailsWithOneLine(List.of("scan", "--max-layer-bytes", "1MiB", target), target,
                "layer 0", "--max-layer-bytes");
        assertThat(cause).contains("more than 1048576 bytes uncompressed");
    }

    @Test
    void scan_fileOverMaxFileSize_exits2WithOneLine() throws IOException {
        String target = "oci:" + zerosLayout();
        assertFailsWithOneLine(List.of("scan", "--max-file-size", "1MiB", target), target,
                "layer 0", "/srv/zeros", "--max-file-size");
    }

    // ---- indexes, manifests, configs --------------------------------------------------------------------------

    @Test
    void scan_indexWithNoMatchingPlatform_exits2WithOneLine() throws IOException {
        Path layout = tmp.resolve("multi");
        ImageWriter.ociLayoutMultiPlatform(layout, "latest", List.of(SampleImages.clean()));
        String target = "oci:" + layout;
        assertFailsWithOneLine(List.of("scan", "--platform", "linux/s390x", target), target,
                "no image for platform linux/s390x", "linux/amd64");
    }

    @Test
    void scan_ociManifestLayerCountDisagreesWithDiffIds_exits2WithOneLine() throws IOException {
        Fixtures.Layer a = Fixtures.Layer.of(LayerBuilder.create().file("/a", "a\n").tar(), Compression.GZIP);
        Fixtures.Layer b = Fixtures.Layer.of(LayerBuilder.create().file("/b", "b\n").tar(), Compression.GZIP);
        Fixtures.Written w = Fixtures.ociLayout(tmp.resolve("layout"), List.of(a, b), List.of(a.diffId()));

        assertFailsWithOneLine("oci:" + tmp.resolve("layout"), w.manifest().toString(), "2 layers", "1 diff_ids");
    }

    @Test
    void scan_dockerArchiveLayerCountDisagreesWithDiffIds_exits2WithOneLine() throws IOException {
        byte[] a = LayerBuilder.create().file("/a", "a\n").tar();
        Path archive = tmp.resolve("c.tar");
        Fixtures.dockerArchive(archive, List.of(a), List.of(Digest.sha256Of(a), Digest.sha256Of(a)));

        assertFailsWithOneLine("docker-archive:" + archive, "1 layers", "2 diff_ids");
    }

    @ParameterizedTest
    @ValueSource(strings = {"layer", "config", "manifest"})
    void scan_blobMissingFromLayout_exits2WithOneLine(String which) throws IOException {
        Fixtures.Layer layer = Fixtures.Layer.of(noisyTar(), Compression.GZIP);
        Path layout = tmp.resolve("layout");
        Fixtures.Written w = Fixtures.ociLayout(layout, List.of(layer));
        Digest gone = switch (which) {
            case "layer" -> layer.digest();
            case "config" -> w.config();
            default -> w.manifest();
        };
        Files.delete(w.blob(gone));

        String cause = assertFailsWithOneLine("oci:" + layout, which, gone.toString());
        assertThat(cause).contains("missing");
        if (which.equals("layer")) {
            assertThat(cause).contains("layer 0");
        }
    }

    @Test
    void scan_blobMissingFromDockerArchive_exits2WithOneLine() throws IOException {
        byte[] tar = LayerBuilder.create().file("/a", "a\n").tar();
        byte[] config = Fixtures.config(List.of(Digest.sha256Of(tar)));
        Digest configDigest = Digest.sha256Of(config);
        String manifest = "[{\"Config\":\"" + configDigest.hex() + ".json\",\"RepoTags\":[\"t/t:1\"],"
                + "\"Layers\":[\"gone/layer.tar\"]}]";
        Path archive = tmp.resolve("m.tar");
        Fixtures.writeTar(archive, new java.util.LinkedHashMap<>(java.util.Map.of(
                configDigest.hex() + ".json", config,
                "manifest.json", manifest.getBytes(StandardCharsets.UTF_8))));

        String cause = assertFailsWithOneLine("docker-archive:" + archive, "layer 0", "gone/layer.tar");
        assertThat(cause).contains("missing");
    }

    // ---- digests ----------------------------------------------------------------------------------------------

    @Test
    void scan_layerBlobHashDiffersFromDigest_exits2WithOneLine() throws IOException {
        Fixtures.Layer layer = Fixtures.Layer.of(noisyTar(), Compression.GZIP);
        byte[] flipped = layer.blob().clone();
        // gzip's MTIME field: the blob still decompresses to the very same tar (so the diffId holds), only the
        // compressed bytes no longer hash to the digest that names them
        flipped[4] ^= 0x01;
        Fixtures.Layer stored = layer.storing(flipped);
        Path layout = tmp.resolve("layout");
        Fixtures.ociLayout(layout, List.of(stored));

        String cause = assertFailsWithOneLine("oci:" + layout, "layer 0", layer.digest().toString());
        assertThat(cause).contains("digest mismatch").contains(Digest.sha256Of(flipped).toString());
    }

    @Test
    void scan_tamperedGzipLayer_exits2WithDigestMismatchNotGzipError() throws IOException {
        // gzip's own CRC trips first; the reader reads on so the user learns the bytes are not the named blob
        Fixtures.Layer layer = Fixtures.Layer.of(noisyTar(), Compression.GZIP);
        byte[] flipped = layer.blob().clone();
        flipped[flipped.length / 2] ^= 0x5a;
        Path layout = tmp.resolve("layout");
        Fixtures.ociLayout(layout, List.of(layer.storing(flipped)));

        assertFailsWithOneLine("oci:" + layout, "layer 0", layer.digest().toString(), "digest mismatch");
    }

    @Test
    void scan_dockerArchiveLayerHashDiffersFromDiffId_exits2WithOneLine() throws IOException {
        byte[] tar = noisyTar();
        Digest diffId = Digest.sha256Of(tar);
        byte[] flipped = tar.clone();
        int at = Fixtures.indexOf(flipped, "ID=test".getBytes(StandardCharsets.US_ASCII));
        assertThat(at).isPositive();
        flipped[at + 3] = 'X'; // file content only: the tar stays well-formed
        Path archive = tmp.resolve("f.tar");
        Fixtures.dockerArchive(archive, List.of(flipped), List.of(diffId));

        String cause = assertFailsWithOneLine("docker-archive:" + archive, "layer 0", diffId.toString());
        assertThat(cause).contains("digest mismatch").contains(Digest.sha256Of(flipped).toString());
    }

    @Test
    void scan_ociLayerDiffIdDiffersFromConfig_exits2WithOneLine() throws IOException {
        Fixtures.Layer layer = Fixtures.Layer.of(noisyTar(), Compression.GZIP);
        Digest wrong = Digest.sha256Of("another tar".getBytes(StandardCharsets.UTF_8));
        Path layout = tmp.resolve("layout");
        Fixtures.ociLayout(layout, List.of(layer), List.of(wrong));

        String cause = assertFailsWithOneLine("oci:" + layout, "layer 0", wrong.toString());
        assertThat(cause).contains("digest mismatch").contains(layer.diffId().toString());
    }

    @Test
    void scan_manifestBlobHashDiffersFromDigest_exits2WithOneLine() throws IOException {
        Fixtures.Layer layer = Fixtures.Layer.of(noisyTar(), Compression.GZIP);
        Path layout = tmp.resolve("layout");
        Fixtures.Written w = Fixtures.ociLayout(layout, List.of(layer));
        Path manifest = w.blob(w.manifest());
        Files.writeString(manifest, Files.readString(manifest) + " ");

        String cause = assertFailsWithOneLine("oci:" + layout, "manifest", w.manifest().toString());
        assertThat(cause).contains("digest mismatch");
    }

    // ---- garbage JSON -----------------------------------------------------------------------------------------

    @Test
    void scan_garbageIndexJson_exits2WithOneLine() throws IOException {
        Path layout = tmp.resolve("layout");
        Fixtures.ociLayout(layout, List.of(Fixtures.Layer.of(noisyTar(), Compression.GZIP)));
        Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\": 2, \"manifests\": [ {oops");

        String cause = assertFailsWithOneLine("oci:" + layout, "index.json");
        assertThat(cause).contains("invalid JSON");
    }

    @Test
    void scan_garbageManifestJson_exits2WithOneLine() throws IOException {
        Path layout = tmp.resolve("layout");
        Files.createDirectories(layout);
        // stored under its own digest: the bytes are intact, they are just not JSON
        Digest manifest = Fixtures.ociLayoutWithManifest(layout, "this is not a manifest".getBytes(StandardCharsets.UTF_8));

        String cause = assertFailsWithOneLine("oci:" + layout, "manifest", manifest.toString());
        assertThat(cause).contains("invalid JSON");
    }

    @Test
    void scan_manifestJsonOfWrongShape_exits2WithOneLine() throws IOException {
        Path layout = tmp.resolve("layout");
        Files.createDirectories(layout);
        Digest manifest = Fixtures.ociLayoutWithManifest(layout,
                "{\"schemaVersion\":2,\"config\":{\"digest\":42},\"layers\":{}}".getBytes(StandardCharsets.UTF_8));

        assertFailsWithOneLine("oci:" + layout, manifest.toString(), "config", "invalid digest");
    }

    @Test
    void scan_garbageDockerArchiveManifestJson_exits2WithOneLine() throws IOException {
        Path archive = tmp.resolve("g.tar");
        Fixtures.writeTar(archive, java.util.Map.of("manifest.json", "[{\"Config\": ".getBytes(StandardCharsets.UTF_8)));

        String cause = assertFailsWithOneLine("docker-archive:" + archive, "manifest.json");
        assertThat(cause).contains("invalid JSON");
    }

    @Test
    void scan_garbageConfigJson_exits2WithOneLine() throws IOException {
        Path layout = tmp.resolve("layout");
        Fixtures.Written w = Fixtures.ociLayout(layout, List.of(Fixtures.Layer.of(noisyTar(), Compression.GZIP)));
        byte[] garbage = "{\"rootfs\": [".getBytes(StandardCharsets.UTF_8);
        Digest garbageDigest = Digest.sha256Of(garbage);
        Fixtures.writeBlob(layout, garbageDigest, garbage);
        byte[] manifest = Files.readAllBytes(w.blob(w.manifest()));
        String rewritten = new String(manifest, StandardCharsets.UTF_8).replace(w.config().toString(), garbageDigest.toString());
        Fixtures.ociLayoutWithManifest(layout, rewritten.getBytes(StandardCharsets.UTF_8));

        String cause = assertFailsWithOneLine("oci:" + layout, "config", garbageDigest.toString());
        assertThat(cause).contains("invalid JSON");
    }

    // ---- bad flags --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"--format=xml", "--fail-on=bogus", "--platform=x", "--severity=loud", "--max-layer-bytes=lots"})
    void scan_badFlag_exits2WithOneLineMessage(String flag) throws IOException {
        Path layout = tmp.resolve("layout");
        ImageWriter.ociLayout(layout, "latest", SampleImages.clean());
        String value = flag.substring(flag.indexOf('=') + 1);

        Fixtures.Run run = Fixtures.run("scan", flag, "oci:" + layout);

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        List<String> lines = run.stderrLines();
        assertThat(lines).hasSizeBetween(1, 2);
        assertThat(lines.getFirst()).startsWith("contraband: ").contains("\"" + value + "\"");
        if (lines.size() == 2) {
            assertThat(lines.get(1)).startsWith("Try ").contains("--help");
        }
        assertThat(lines).noneMatch(l -> l.startsWith("\tat "));
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void scan_unknownOption_exits2() {
        Fixtures.Run run = Fixtures.run("scan", "--no-such-option", "dir:" + tmp);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderrLines().getFirst()).contains("--no-such-option");
    }

    // ---- exit codes of scans that worked ----------------------------------------------------------------------

    private String demoTarget(String name) throws IOException {
        return SampleImages.write(tmp).stream().filter(s -> s.name().contains(name)).findFirst().orElseThrow().target();
    }

    @Test
    void scan_demoCleanImage_exits0() throws IOException {
        Fixtures.Run run = Fixtures.run("scan", demoTarget("clean"));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).contains("CLEAN");
    }

    @Test
    void scan_demoDropper_exits1() throws IOException {
        Fixtures.Run run = Fixtures.run("scan", demoTarget("dropper"));
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).contains("MALICIOUS");
    }

    @Test
    void scan_demoDropperFailOnCritical_exits1() throws IOException {
        // the dropper carries an AWS secret access key: a critical finding
        Fixtures.Run run = Fixtures.run("scan", "--fail-on", "critical", demoTarget("dropper"));
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        assertThat(run.stdout()).contains("MALICIOUS");
    }

    @Test
    void scan_demoDropperFailOnCriticalWithSecretRuleDisabled_exits0() throws IOException {
        // without the AWS secret rule the dropper's remaining findings are all high: none is at or above critical
        Fixtures.Run run = Fixtures.run("scan", "--fail-on", "critical", "--disable-rule", "aws-secret-access-key",
                demoTarget("dropper"));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("MALICIOUS").doesNotContain("secret.aws-secret-access-key");
    }

    @Test
    void scan_demoDropperFailOnNone_exits0() throws IOException {
        Fixtures.Run run = Fixtures.run("scan", "--fail-on", "none", demoTarget("dropper"));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("MALICIOUS");
    }

    @Test
    void scan_demoDropperFailOnMedium_exits1() throws IOException {
        Fixtures.Run run = Fixtures.run("scan", "--fail-on", "medium", demoTarget("dropper"));
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    }

    @Test
    void scan_platformPickedFromIndex_scansThatImage() throws IOException {
        Path layout = tmp.resolve("multi");
        ImageWriter.ociLayoutMultiPlatform(layout, "latest", List.of(
                SampleImages.clean(),
                ImageBuilder.create().platform(Platform.parse("linux/arm64/v8"))
                        .layer(LayerBuilder.create().file("/tmp/.x/miner", SampleElf.program(), 0755))
                        .build()));
        Fixtures.Run run = Fixtures.run("scan", "--platform", "linux/arm64", "oci:" + layout);
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        assertThat(run.stdout()).contains("/tmp/.x/miner");
    }
}
