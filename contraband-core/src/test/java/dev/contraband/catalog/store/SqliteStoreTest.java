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
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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
            assertThat(s.schemaVersion()).isEqualTo(Migrations.ALL.size());
            assertThat(s.addImages(List.of(new ImageRow("r/a:1", "r/a", "r", "1")))).isEqualTo(1);
        }
        try (Store s = Store.open(db.toString(), 1)) {
            assertThat(s.schemaVersion()).isEqualTo(Migrations.ALL.size());
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

    @Test
    void open_versionOneStore_migratesToTwo_keepingRows() throws Exception {
        Path db = dir.resolve("v1.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            String v1;
            try (var in = Migrations.class.getResourceAsStream("sqlite/V1__init.sql")) {
                v1 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String statement : Migrations.statements(v1)) {
                st.execute(statement);
            }
            st.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            st.execute("INSERT INTO schema_migrations VALUES (1, 'V1__init.sql', 'then')");
            st.execute("INSERT INTO images (ref, repository, namespace, tag, status, added_at) VALUES ('r/old:1', 'r/old', 'r', '1', 'pending', 'then')");
        }
        try (Store s = Store.open(db.toString(), 1)) {
            assertThat(s.schemaVersion()).isEqualTo(2);
            assertThat(s.claimImages("pending", "w", 5, 1, 0)).containsExactly(new ImageRow("r/old:1", "r/old", "r", "1", null));
        }
    }

    @Test
    void addImages_keepDescription_forTheScanPhase() throws Exception {
        try (Store s = Store.open(dir.resolve("d.db").toString(), 1)) {
            s.addImages(List.of(new ImageRow("hub/ns/a:latest", "hub/ns/a", "ns", "latest", "see bad.example")));
            assertThat(s.claimImages("pending", "w", 5, 1, 0)).extracting(ImageRow::description).containsExactly("see bad.example");
        }
    }

    @Test
    void addRepository_replacesFailedRow_keepsDoneOne_withFindings() throws Exception {
        Rule rule = new Rule("metadata.test", dev.contraband.detect.Category.MALICIOUS_WEBSITE,
                dev.contraband.detect.Severity.HIGH, "t", null);
        Finding f = Finding.of(rule, new Location.Metadata("description"), "links to bad.example", "bad.example",
                "bad.example", "bad.example");
        ImageReport report = new ImageReport("hub/ns/spam:*", "hub/ns/spam", null, null, List.of(),
                new Verdict(Verdict.Status.SUSPICIOUS, List.of(dev.contraband.detect.Category.MALICIOUS_WEBSITE), "x"),
                List.of(f), List.of(rule));
        ImageRow row = new ImageRow("hub/ns/spam:*", "hub/ns/spam", "ns", null, "visit bad.example");
        try (Store s = Store.open(dir.resolve("r.db").toString(), 1)) {
            s.addFailed(row, 1, "listing tags: name unknown");
            assertThat(s.addRepository(row, 2, report, Codecs.gzip("{}".getBytes(StandardCharsets.UTF_8)))).isTrue();
            assertThat(s.counts()).isEqualTo(new Store.Counts(0, 0, 1, 0));
            assertThat(s.addRepository(row, 3, report, Codecs.gzip("{}".getBytes(StandardCharsets.UTF_8))))
                    .as("a done row is kept").isFalse();
            List<String> stored = s.read(c -> {
                List<String> out = new java.util.ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet r = st.executeQuery(
                        "SELECT i.verdict, i.categories, i.description, i.run_id, i.error, f.rule_id, f.source, f.indicator "
                                + "FROM images i JOIN findings f ON f.ref = i.ref")) {
                    while (r.next()) {
                        for (int col = 1; col <= 8; col++) {
                            out.add(r.getString(col));
                        }
                    }
                }
                return out;
            });
            assertThat(stored).containsExactly("suspicious", "malicious-website", "visit bad.example", "2", null,
                    "metadata.test", "metadata", "bad.example");
        }
    }
}
