package dev.contraband.source;

import dev.contraband.image.Image;
import dev.contraband.image.ImageException;
import dev.contraband.layer.Compression;
import dev.contraband.sample.ImageBuilder;
import dev.contraband.sample.ImageWriter;
import dev.contraband.sample.LayerBuilder;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerArchiveSourceTest {
    @TempDir
    Path tmp;

    /** Two identical layers: the legacy form stores the second as a link to the first's layer.tar. */
    static ImageBuilder.Built withDuplicateLayers() {
        LayerBuilder same = LayerBuilder.create().file("/tmp/x", dev.contraband.sample.SampleElf.program(), 0755);
        return ImageBuilder.create()
                .layer(same, Compression.NONE, "RUN a")
                .layer(LayerBuilder.create().file("/etc/b", "b"), Compression.GZIP, "RUN b")
                .layer(same, Compression.NONE, "RUN a again")
                .build();
    }

    @Test
    void images_legacyLayoutWithLinkedLayer_readsEveryLayer() throws IOException {
        Path file = tmp.resolve("legacy.tar");
        ImageWriter.dockerArchive(file, "team/app:1.0", withDuplicateLayers(), true);
        ImageReport report = Scans.scan("docker-archive:" + file);
        assertThat(report.name()).isEqualTo("team/app:1.0");
        assertThat(report.layers()).hasSize(3);
        assertThat(report.layers().get(0).diffId()).isEqualTo(report.layers().get(2).diffId());
        // The same ELF in layer 0 and layer 2: layer 0's copy is replaced, layer 2's is live.
        assertThat(report.findings()).extracting(f -> f.rule().id() + "@" + ((dev.contraband.detect.Location.File) f.location()).layer().index()
                        + (((dev.contraband.detect.Location.File) f.location()).deleted() ? " deleted" : ""))
                .containsExactly("artifact.elf-in-temp-dir@0 deleted", "artifact.elf-in-temp-dir@2");
    }

    @Test
    void images_blobsLayout_usesBlobDigestAsLayerDigest() throws IOException {
        Path file = tmp.resolve("blobs.tar");
        ImageBuilder.Built built = withDuplicateLayers();
        ImageWriter.dockerArchive(file, "team/app:1.0", built, false);
        ImageReport report = Scans.scan("docker-archive:" + file);
        assertThat(report.layers().get(1).digest()).isEqualTo(built.layers().get(1).digest().toString());
        assertThat(report.digest()).isEqualTo(built.configDigest().toString());
    }

    @Test
    void images_tagSelection_matchesShortAndLongForms() throws IOException {
        Path file = tmp.resolve("a.tar");
        ImageWriter.dockerArchive(file, "docker.io/library/app:1.0", withDuplicateLayers(), true);
        try (ImageSource s = Sources.open(Target.parse("docker-archive:" + file + ":app:1.0"))) {
            Image img = s.images(PlatformSelection.DEFAULT).getFirst();
            assertThat(img.name()).isEqualTo("docker.io/library/app:1.0");
        }
        assertThatThrownBy(() -> {
            try (ImageSource s = Sources.open(Target.parse("docker-archive:" + file + ":other:2"))) {
                s.images(PlatformSelection.DEFAULT);
            }
        }).isInstanceOf(ImageException.class).hasMessageContaining("no image tagged \"other:2\"");
    }

    @Test
    void open_gzippedArchive_asksToDecompress() throws IOException {
        Path file = tmp.resolve("a.tar.gz");
        java.nio.file.Files.write(file, ImageBuilder.compress(new byte[1024], Compression.GZIP));
        assertThatThrownBy(() -> Sources.open(Target.parse("docker-archive:" + file)))
                .isInstanceOf(ImageException.class).hasMessageContaining("gzip-compressed");
    }
}
