package dev.contraband.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.contraband.cli.CatalogFixtures.reportJson;
import static dev.contraband.cli.CatalogFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The catalog store on Debian's PostgreSQL: same results as SQLite, and two workers sharing one store. */
class CatalogPostgresTest {
    @Test
    void scan_onPostgres_givesTheSameReportAsOnSqlite() throws Exception {
        String pg = CatalogFixtures.postgres();
        String host = CatalogFixtures.registry();
        Path work = CatalogFixtures.tempDir();
        String sqlite = work.resolve("s.db").toString();
        assertThat(run(work, "catalog", "scan", "--registry", host, "--db", sqlite, "--rate-limit", "0").exitCode()).isZero();
        CatalogFixtures.Proc p = run(work, "catalog", "scan", "--registry", host, "--db", pg, "--rate-limit", "0");
        assertThat(p.exitCode()).as(p.stderr()).isZero();
        assertThat(p.stderr()).doesNotContain("password=contraband");
        JsonNode onPostgres = reportJson(work, pg);
        assertThat(onPostgres).isEqualTo(reportJson(work, sqlite));
        assertThat(onPostgres.path("images").asInt()).isEqualTo(30);
        CatalogFixtures.Proc again = run(work, "catalog", "scan", "--registry", host, "--db", pg, "--rate-limit", "0");
        assertThat(again.stderr()).contains("0 layers scanned");
        assertThat(query(pg, "SELECT MAX(version) FROM schema_migrations")).containsExactly(2L);
    }

    @Test
    void scan_twoWorkersOnOneStore_splitTheImagesAndScanNoLayerTwice() throws Exception {
        String pg = CatalogFixtures.postgres();
        String host = CatalogFixtures.registry();
        Path work = CatalogFixtures.tempDir();
        String sqlite = work.resolve("one.db").toString();
        assertThat(run(work, "catalog", "scan", "--registry", host, "--db", sqlite, "--rate-limit", "0").exitCode()).isZero();

        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            workers.add(CatalogFixtures.cli(work, "catalog", "scan", "--registry", host, "--db", pg, "--concurrency", "1",
                    "--rate-limit", "20").redirectErrorStream(true).redirectOutput(work.resolve("worker" + i + ".log").toFile()).start());
        }
        for (Process w : workers) {
            assertThat(w.waitFor(4, TimeUnit.MINUTES)).isTrue();
            assertThat(w.exitValue()).isZero();
        }
        assertThat(reportJson(work, pg)).isEqualTo(reportJson(work, sqlite));
        assertThat(query(pg, "SELECT SUM(layers_scanned) FROM runs")).as("each unique layer scanned once in all")
                .containsExactly((long) CatalogScanSqliteTest.UNIQUE_LAYERS);
        assertThat(query(pg, "SELECT SUM(images_done) FROM runs")).containsExactly((long) CatalogScanSqliteTest.DONE_IMAGES);
        assertThat(query(pg, "SELECT images_done FROM runs ORDER BY id")).as("both workers took images")
                .hasSize(2).allMatch(n -> n > 0);
    }

    static List<Long> query(String url, String sql) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getLong(1));
            }
        }
        return out;
    }
}
