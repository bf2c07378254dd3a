package dev.contraband.layer;

import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.sample.ImageBuilder;
import dev.contraband.sample.ImageWriter;
import dev.contraband.sample.LayerBuilder;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Scans;
import dev.contraband.source.PlatformSelection;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class NestedArchivesTest {
    @TempDir
    Path tmp;

    static String token() {
        Random r = new Random(9);
        StringBuilder s = new StringBuilder("ghp_");
        String alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 36; i++) {
            s.append(alnum.charAt(r.nextInt(alnum.length())));
        }
        return s.toString();
    }

    static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            zip.putArchiveEntry(new ZipArchiveEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
            zip.putArchiveEntry(new ZipArchiveEntry(name));
            zip.write(content);
            zip.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    private ImageReport scan(byte[] file, String path, int depth) throws IOException {
        ImageWriter.ociLayout(tmp.resolve("l" + depth), "t", ImageBuilder.create()
                .layer(LayerBuilder.create().file(path, file, 0644), Compression.GZIP, "COPY app").build());
        return Scans.scan("oci:" + tmp.resolve("l" + depth), PlatformSelection.DEFAULT,
                new ScanLimits(1L << 30, 1L << 30, depth)).getFirst();
    }

    @Test
    void scan_secretInJarInsideTgz_namesPathInside() throws IOException {
        byte[] jar = zip("config/app.properties", ("github.token=" + token() + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] tgz = ImageBuilder.compress(LayerBuilder.create().file("/lib/app.jar", jar, 0644).tar(), Compression.GZIP);
        ImageReport r = scan(tgz, "/opt/bundle.tgz", 2);
        Finding f = r.findings().stream().filter(x -> x.rule().id().equals("secret.github-token")).findFirst().orElseThrow();
        assertThat(f.path()).isEqualTo("/opt/bundle.tgz!/lib/app.jar!/config/app.properties");
        assertThat(((Location.File) f.location()).line()).isEqualTo(1);
    }

    @Test
    void scan_depthLimit_stopsOpening() throws IOException {
        byte[] jar = zip("config/app.properties", ("github.token=" + token() + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] tgz = ImageBuilder.compress(LayerBuilder.create().file("/lib/app.jar", jar, 0644).tar(), Compression.GZIP);
        assertThat(scan(tgz, "/opt/bundle.tgz", 1).findings()).extracting(Finding::path)
                .doesNotContain("/opt/bundle.tgz!/lib/app.jar!/config/app.properties");
        assertThat(scan(tgz, "/opt/bundle.tgz", 0).findings()).isEmpty();
    }

    @Test
    void scan_corruptArchive_isAnInfoFindingNotAFailure() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(3).nextBytes(garbage);
        garbage[0] = 0x1f;
        garbage[1] = (byte) 0x8b;
        ImageReport r = scan(garbage, "/opt/broken.tar.gz", 2);
        assertThat(r.findings()).extracting(f -> f.rule().id()).containsExactly("archive.unreadable");
        assertThat(r.findings().getFirst().severity().id()).isEqualTo("info");
    }
}
