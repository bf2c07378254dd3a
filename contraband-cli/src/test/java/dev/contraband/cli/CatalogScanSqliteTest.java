package dev.contraband.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.contraband.cli.CatalogFixtures.reportJson;
import static dev.contraband.cli.CatalogFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code catalog scan} against a real registry of 30 repositories, on the default SQLite store. */
class CatalogScanSqliteTest {
    /** Base layers are shared: two bases + 29 distinct top layers (the broken image's is not counted). */
    static final int UNIQUE_LAYERS = 31;
    static final int DONE_IMAGES = 29;

    @Test
    void scan_registry_reportsVerdictsAndScansEachLayerOnce() throws Exception {
        String host = CatalogFixtures.registry();
        Path work = CatalogFixtures.tempDir();
        String db = work.resolve("study.db").toString();
        CatalogFixtures.Proc first = run(work, "catalog", "scan", "--registry", "http://" + host, "--db", db,
                "--concurrency", "2", "--rate-limit", "0");
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stderr()).contains("29 images done, 1 failed this run").contains(UNIQUE_LAYERS + " layers scanned");
        JsonNode report = reportJson(work, db);
        assertThat(report.path("images").asInt()).isEqualTo(30);
        assertThat(report.path("failed").asInt()).isEqualTo(1);
        assertThat(report.path("malicious").asInt() + report.path("suspicious").asInt() + report.path("clean").asInt())
                .isEqualTo(DONE_IMAGES);
        assertThat(report.path("malicious").asInt()).isGreaterThanOrEqualTo(CatalogFixtures.DROPPERS);
        assertThat(report.path("categories").path("embedded-secret").asInt()).isGreaterThanOrEqualTo(CatalogFixtures.LEAKY);
        assertThat(report.path("layers").path("unique").asInt()).isEqualTo(UNIQUE_LAYERS);
        assertThat(report.path("layers").path("scanned").asInt()).isEqualTo(UNIQUE_LAYERS);
        assertThat(report.path("layers").path("reused").asInt()).isEqualTo(DONE_IMAGES * 2 - UNIQUE_LAYERS);
        assertThat(report.path("namespaces").get(0).path("namespace").asText()).isEqualTo("evil");
        assertThat(report.path("namespaces").get(0).path("malicious").asInt()).isEqualTo(CatalogFixtures.DROPPERS);
        assertThat(fieldNames(report)).containsExactly("images", "malicious", "suspicious", "clean", "failed",
                "imageless", "categories", "layers", "namespaces", "indicators", "impersonated");
        assertThat(verdict(db, host + "/acme/app-01:latest")).isEqualTo("clean");
        assertThat(verdict(db, host + "/evil/miner-03:latest")).isEqualTo("malicious");
        assertThat(error(db, host + "/broken/nolayer:latest")).contains("sha256:");

        CatalogFixtures.Proc second = run(work, "catalog", "scan", "--registry", host, "--db", db, "--rate-limit", "0");
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stderr()).contains("0 images done, 0 failed this run").contains("0 layers scanned");
        assertThat(reportJson(work, db)).isEqualTo(report);

        CatalogFixtures.Proc retry = run(work, "catalog", "scan", "--db", db, "--retry-failed", "--rate-limit", "0");
        assertThat(retry.exitCode()).as(retry.stderr()).isZero();
        assertThat(retry.stderr()).contains("retrying 1 failed image").contains("0 images done, 1 failed this run");
        assertThat(reportJson(work, db)).as("a retried image is not counted twice").isEqualTo(report);
    }

    @Test
    void scan_listWithTagsAllAndPrefix_takesWhatItIsAsked() throws Exception {
        String host = CatalogFixtures.registry();
        Path work = CatalogFixtures.tempDir();
        Path list = work.resolve("images.txt");
        Files.writeString(list, "# the study's list\n\n" + host + "/multi/app\n" + host + "/acme/app-02:latest\n"
                + host + "/nope/missing:1\n");
        String db = work.resolve("list.db").toString();
        CatalogFixtures.Proc p = run(work, "catalog", "scan", "--list", list.toString(), "--tags", "all", "--db", db,
                "--rate-limit", "0", "--progress-interval", "1");
        assertThat(p.exitCode()).as(p.stderr()).isZero();
        JsonNode report = reportJson(work, db);
        assertThat(report.path("images").asInt()).isEqualTo(5);
        assertThat(report.path("failed").asInt()).isEqualTo(1);
        assertThat(error(db, host + "/nope/missing:1")).isNotBlank();
        assertThat(p.stderr()).as("plain progress lines when stderr is not a terminal").contains("images ");

        String prefixDb = work.resolve("prefix.db").toString();
        CatalogFixtures.Proc prefixed = run(work, "catalog", "scan", "--registry", host, "--prefix", "leaky/", "--db", prefixDb,
                "--rate-limit", "0", "--tags", "1");
        assertThat(prefixed.exitCode()).as(prefixed.stderr()).isZero();
        assertThat(reportJson(work, prefixDb).path("images").asInt()).isEqualTo(CatalogFixtures.LEAKY);

        CatalogFixtures.Proc table = run(work, "catalog", "report", "--db", db);
        assertThat(table.stdout()).contains("Images per category").contains("failed");
        CatalogFixtures.Proc csv = run(work, "catalog", "report", "--db", db, "--format", "csv");
        assertThat(csv.stdout().lines().findFirst()).hasValue("section,name,category,images,malicious");
        assertThat(csv.stdout()).contains("summary,images,,5,");
    }

    @Test
    void scan_killedMidRun_resumesToTheSameReportAsAnUninterruptedRun() throws Exception {
        String host = CatalogFixtures.registry();
        Path work = CatalogFixtures.tempDir();
        String whole = work.resolve("whole.db").toString();
        assertThat(run(work, "catalog", "scan", "--registry", host, "--db", whole, "--rate-limit", "0").exitCode()).isZero();
        JsonNode expected = reportJson(work, whole);

        String killed = work.resolve("killed.db").toString();
        Process p = CatalogFixtures.cli(work, "catalog", "scan", "--registry", host, "--db", killed, "--concurrency", "1",
                "--rate-limit", "8").redirectErrorStream(true).redirectOutput(work.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && done(killed) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(p.isAlive()).as("the scan was still running when killed").isTrue();
        p.destroyForcibly(); // SIGKILL
        p.waitFor();
        long doneAtKill = done(killed);
        assertThat(doneAtKill).isBetween(3L, 28L);

        CatalogFixtures.Proc resumed = run(work, "catalog", "scan", "--registry", host, "--db", killed, "--rate-limit", "0");
        assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
        assertThat(reportJson(work, killed)).isEqualTo(expected);
        assertThat(count(killed, "SELECT COUNT(*) FROM images")).isEqualTo(30);
        assertThat(count(killed, "SELECT COUNT(*) FROM layers WHERE status = 'done'")).as("every layer stored once, none twice")
                .isEqualTo(UNIQUE_LAYERS);
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static long done(String db) {
        try {
            return count(db, "SELECT COUNT(*) FROM images WHERE status = 'done'");
        } catch (Exception notYet) {
            return 0;
        }
    }

    static long count(String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    static String verdict(String db, String ref) throws Exception {
        return text(db, "SELECT verdict FROM images WHERE ref = '" + ref + "'");
    }

    static String error(String db, String ref) throws Exception {
        return text(db, "SELECT error FROM images WHERE ref = '" + ref + "'");
    }

    static String text(String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
