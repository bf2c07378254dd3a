package dev.contraband.scan;

import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.layer.Compression;
import dev.contraband.sample.ImageBuilder;
import dev.contraband.sample.ImageWriter;
import dev.contraband.sample.LayerBuilder;
import dev.contraband.sample.SampleElf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same image read through every source kind gives the same findings. */
class SourceKindsTest {
    @TempDir
    Path tmp;

    static List<String> keys(ImageReport r) {
        return r.findings().stream().map(SourceKindsTest::key).sorted().toList();
    }

    static String key(Finding f) {
        return f.rule().id() + " " + f.fingerprint() + (f.location() instanceof Location.File file
                ? " layer " + file.layer().index() + (file.deleted() ? " deleted" : "") : "");
    }

    @Test
    void scan_layeredImage_sameFindingsFromLayoutArchiveAndDockerArchives() throws IOException {
        ImageBuilder.Built built = dev.contraband.sample.SampleImages.dropper();
        ImageWriter.ociLayout(tmp.resolve("layout"), "v1", built);
        ImageWriter.ociArchive(tmp.resolve("oci.tar"), "v1", built);
        ImageWriter.dockerArchive(tmp.resolve("legacy.tar"), "t/d:1", built, true);
        ImageWriter.dockerArchive(tmp.resolve("blobs.tar"), "t/d:1", built, false);
        List<String> expected = keys(Scans.scan("oci:" + tmp.resolve("layout") + ":v1"));
        assertThat(expected).hasSizeGreaterThanOrEqualTo(5);
        assertThat(keys(Scans.scan("oci-archive:" + tmp.resolve("oci.tar") + ":v1"))).isEqualTo(expected);
        assertThat(keys(Scans.scan("docker-archive:" + tmp.resolve("legacy.tar")))).isEqualTo(expected);
        assertThat(keys(Scans.scan("docker-archive:" + tmp.resolve("blobs.tar")))).isEqualTo(expected);
    }

    @Test
    void scan_singleLayer_dirGivesSameFileFindingsAsLayout() throws IOException {
        byte[] elf = SampleElf.program();
        ImageWriter.ociLayout(tmp.resolve("layout"), "v1", ImageBuilder.create()
                .layer(LayerBuilder.create().dir("/tmp").dir("/tmp/.x").file("/tmp/.x/kworker", elf, 0755)
                        .dir("/etc").file("/etc/ld.so.preload", "/lib/evil.so\n")
                        .dir("/opt").dir("/opt/.hidden").file("/opt/.hidden/run", elf, 0755), Compression.GZIP, "ADD")
                .build());
        Path root = tmp.resolve("rootfs");
        Files.createDirectories(root.resolve("tmp/.x"));
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("opt/.hidden"));
        Files.write(root.resolve("tmp/.x/kworker"), elf);
        Files.setPosixFilePermissions(root.resolve("tmp/.x/kworker"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(root.resolve("etc/ld.so.preload"), "/lib/evil.so\n");
        Files.write(root.resolve("opt/.hidden/run"), elf);
        Files.setPosixFilePermissions(root.resolve("opt/.hidden/run"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(root.resolve("tmp/link"), Path.of("/etc/shadow"));
        ImageReport fromLayout = Scans.scan("oci:" + tmp.resolve("layout"));
        ImageReport fromDir = Scans.scan("dir:" + root);
        assertThat(keys(fromDir)).isEqualTo(keys(fromLayout));
        assertThat(fromDir.layers()).hasSize(1);
        assertThat(fromDir.digest()).isEqualTo(fromDir.layers().getFirst().digest());
    }
}
