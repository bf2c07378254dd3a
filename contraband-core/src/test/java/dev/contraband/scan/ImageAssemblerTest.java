package dev.contraband.scan;

import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.image.HistoryEntry;
import dev.contraband.layer.Compression;
import dev.contraband.sample.ImageBuilder;
import dev.contraband.sample.ImageWriter;
import dev.contraband.sample.LayerBuilder;
import dev.contraband.sample.SampleElf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImageAssemblerTest {
    @TempDir
    Path tmp;

    private ImageReport scan(ImageBuilder builder) throws IOException {
        ImageWriter.ociLayout(tmp, "t", builder.build());
        return Scans.scan("oci:" + tmp);
    }

    private static Location.File file(Finding f) {
        return (Location.File) f.location();
    }

    @Test
    void assemble_whiteoutInLaterLayer_marksFindingDeletedInItsLayer() throws IOException {
        ImageReport r = scan(ImageBuilder.create()
                .layer(LayerBuilder.create().file("/tmp/miner", SampleElf.program(), 0755), Compression.GZIP, "RUN get")
                .layer(LayerBuilder.create().file("/etc/x", "x"), Compression.GZIP, "RUN x")
                .layer(LayerBuilder.create().whiteout("/tmp/miner"), Compression.ZSTD, "RUN rm /tmp/miner"));
        Finding f = r.findings().getFirst();
        assertThat(file(f).deleted()).isTrue();
        assertThat(file(f).layer().index()).isZero();
        assertThat(file(f).layer().digest()).isEqualTo(r.layers().getFirst().digest());
        assertThat(r.layers().get(2).createdBy()).isEqualTo("RUN rm /tmp/miner");
    }

    @Test
    void assemble_whiteoutOfParentFolder_marksDeleted() throws IOException {
        ImageReport r = scan(ImageBuilder.create()
                .layer(LayerBuilder.create().file("/tmp/a/b/miner", SampleElf.program(), 0755), Compression.GZIP, "RUN get")
                .layer(LayerBuilder.create().whiteout("/tmp/a"), Compression.GZIP, "RUN rm -r /tmp/a"));
        assertThat(file(r.findings().getFirst()).deleted()).isTrue();
    }

    @Test
    void assemble_opaqueFolder_hidesLowerLayersOnly() throws IOException {
        ImageReport r = scan(ImageBuilder.create()
                .layer(LayerBuilder.create().file("/tmp/old", SampleElf.program(), 0755), Compression.GZIP, "RUN a")
                .layer(LayerBuilder.create().opaque("/tmp").file("/tmp/new", SampleElf.program(), 0755), Compression.GZIP, "RUN b"));
        assertThat(r.findings()).extracting(f -> f.path() + " " + file(f).deleted())
                .containsExactly("/tmp/old true", "/tmp/new false");
    }

    @Test
    void assemble_fileReplacedLater_marksOldCopyDeleted() throws IOException {
        ImageReport r = scan(ImageBuilder.create()
                .layer(LayerBuilder.create().file("/tmp/x", SampleElf.program(), 0755), Compression.GZIP, "RUN a")
                .layer(LayerBuilder.create().file("/tmp/x", "now a text file, long enough to be looked at by the detector"), Compression.GZIP, "RUN b"));
        assertThat(r.findings()).hasSize(1);
        assertThat(file(r.findings().getFirst()).deleted()).isTrue();
    }

    @Test
    void assemble_untouchedFile_notDeleted() throws IOException {
        ImageReport r = scan(ImageBuilder.create()
                .layer(LayerBuilder.create().file("/tmp/x", SampleElf.program(), 0755), Compression.GZIP, "RUN a")
                .layer(LayerBuilder.create().whiteout("/tmp/xy").file("/tmp/x2", "x"), Compression.GZIP, "RUN b"));
        assertThat(file(r.findings().getFirst()).deleted()).isFalse();
    }

    @Test
    void layerOfHistoryEntry_skipsEmptyLayers() {
        List<HistoryEntry> history = List.of(
                new HistoryEntry(null, "ADD base", null, false),
                new HistoryEntry(null, "ENV A=1", null, true),
                new HistoryEntry(null, "RUN x", null, false));
        assertThat(ImageAssembler.layerOfHistoryEntry(history, 0)).isZero();
        assertThat(ImageAssembler.layerOfHistoryEntry(history, 1)).isNull();
        assertThat(ImageAssembler.layerOfHistoryEntry(history, 2)).isEqualTo(1);
    }
}
