package dev.contraband.catalog.store;

import dev.contraband.catalog.store.Store.ImageRow;
import dev.contraband.detect.Finding;
import dev.contraband.detect.LayerRef;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;
import dev.contraband.image.Digest;
import dev.contraband.image.HistoryEntry;
import dev.contraband.image.ImageConfig;
import dev.contraband.image.LayerDescriptor;
import dev.contraband.image.Platform;
import dev.contraband.layer.Compression;
import dev.contraband.layer.LayerReport;
import dev.contraband.scan.Detectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteStoreTest {
    @TempDir
    Path dir;

    static Digest digest(String s) {
        return Digest.sha256Of(s.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Rule> rules() {
        Map<String, Rule> rules = new HashMap<>();
        Detectors.builtIn().rules().forEach(r -> rules.putIfAbsent(r.id(), r));
        return rules;
    }

    @Test
    void layerReport_roundTrip_keepsFindingsPathsAndWhiteouts() throws Exception {
        Rule rule = Detectors.builtIn().rules().getFirst();
        Finding f = Finding.of(rule, new Location.File("/tmp/x", 3), "found", "AKIA…", "pool.example.com", "s");
        Finding placed = f.withLocation(new Location.File("/tmp/x", 3, new LayerRef(1, digest("l").toString()), true));
        LayerReport r = new LayerReport(digest("blob"), digest("tar"), Compression.GZIP, 10, 20, 3, List.of(f, placed),
                Set.of("/tmp/x", "/etc"), Set.of("/opt/gone"), Set.of("/var"));
        LayerReport back = Codecs.decodeLayer(Codecs.encodeLayer(r), rules()::get);
        assertThat(back).isEqualTo(r);
        assertThatThrownBy(() -> Codecs.decodeLayer(Codecs.encodeLayer(r), id -> null))
                .isInstanceOf(Codecs.StaleException.class);
    }

    @Test
    void config_roundTrip() throws Exception {
        ImageConfig c = new ImageConfig(Platform.parse("linux/arm64/v8"), "2026-01-01T00:00:00Z", List.of("/bin/sh", "-c"),
                List.of("run"), List.of("A=1"), "root", List.of("80/tcp"), Map.of("k", "v"), "/app",
                List.of(new HistoryEntry("t", "RUN x", null, false), new HistoryEntry(null, "ENV", "c", true)),
                List.of(digest("d")));
        assertThat(Codecs.decodeConfig(Codecs.encodeConfig(c))).isEqualTo(c);
    }

    @Test
    void open_twice_migratesOnceAndKeepsData() throws Exception {
        Path db = dir.resolve("s.db");
        try (Store s = Store.open(db.toString(), 1)) {
            assertThat(s.schemaVersion()).isEqualTo(1);
            assertThat(s.addImages(List.of(new ImageRow("r/a:1", "r/a", "r", "1")))).isEqualTo(1);
        }
        try (Store s = Store.open(db.toString(), 1)) {
            assertThat(s.schemaVersion()).isEqualTo(1);
            assertThat(s.addImages(List.of(new ImageRow("r/a:1", "r/a", "r", "1")))).as("not added twice").isZero();
            assertThat(s.counts().pending()).isEqualTo(1);
        }
    }

    @Test
    void claims_oneHolderAtATime_staleClaimsAreTakenOver() throws Exception {
        try (Store s = Store.open(dir.resolve("c.db").toString(), 1)) {
            s.addImages(List.of(new ImageRow("r/a:1", "r/a", "r", "1"), new ImageRow("r/b:1", "r/b", "r", "1")));
            assertThat(s.claimImages("pending", "w1", 1, 1000, 0)).extracting(ImageRow::ref).containsExactly("r/a:1");
            assertThat(s.claimImages("pending", "w2", 5, 1000, 0)).extracting(ImageRow::ref).containsExactly("r/b:1");
            assertThat(s.claimImages("pending", "w2", 5, 1000, 0)).isEmpty();
            assertThat(s.claimImages("pending", "w3", 5, 5000, 2000)).as("claims older than the lease").hasSize(2);

            String d = digest("layer").toString();
            assertThat(s.claimLayer(d, "k", "w1", 1000, 0)).isTrue();
            assertThat(s.claimLayer(d, "k", "w2", 1000, 0)).isFalse();
            assertThat(s.claimLayer(d, "k", "w2", 5000, 2000)).as("stale").isTrue();
            assertThat(s.layerReport(d, "k")).isNull();
            s.planned("r/a:1", "w3", digest("m").toString(), ImageConfig.empty(Platform.LINUX_AMD64, List.of()),
                    List.of(new LayerDescriptor(0, digest("layer"), digest("tar"), "application/vnd.oci.image.layer.v1.tar+gzip", 5, "ADD")));
            Store.PlannedImage p = s.loadPlanned("r/a:1");
            assertThat(p.layers()).hasSize(1);
            assertThat(p.layers().getFirst().digest()).isEqualTo(digest("layer"));
            assertThat(s.counts().planned()).isEqualTo(1);
        }
    }
}
