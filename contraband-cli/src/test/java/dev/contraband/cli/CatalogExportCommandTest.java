package dev.contraband.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static dev.contraband.cli.CatalogFixtures.JSON;
import static dev.contraband.cli.CatalogFixtures.reportJson;
import static dev.contraband.cli.CatalogFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

/** A Docker Hub namespace listed from a local server of Hub's JSON shape, then exported as jsonl, sarif and stix. */
class CatalogExportCommandTest {
    @Test
    void scan_dockerHubNamespace_thenExportEveryFormat() throws Exception {
        String host = CatalogFixtures.registry();
        Path work = CatalogFixtures.tempDir();
        HttpServer hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int port = hub.getAddress().getPort();
        hub.createContext("/v2/namespaces/evil/repositories", ex -> {
            boolean second = ex.getRequestURI().getQuery().contains("page=2");
            String body = second
                    ? "{\"count\":6,\"next\":null,\"results\":[" + repos(4, 6) + "]}"
                    : "{\"count\":6,\"next\":\"http://127.0.0.1:" + port + "/v2/namespaces/evil/repositories?page_size=100&page=2\",\"results\":[" + repos(1, 3) + "]}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        hub.start();
        String db = work.resolve("hub.db").toString();
        try {
            CatalogFixtures.Proc p = run(work, "catalog", "scan", "--dockerhub-namespace", "evil", "--dockerhub-api",
                    "http://127.0.0.1:" + port + "/", "--dockerhub-registry", host, "--db", db, "--rate-limit", "0");
            assertThat(p.exitCode()).as(p.stderr()).isZero();
        } finally {
            hub.stop(0);
        }
        JsonNode report = reportJson(work, db);
        assertThat(report.path("images").asInt()).isEqualTo(6);
        assertThat(report.path("malicious").asInt()).isEqualTo(6);

        CatalogFixtures.Proc jsonl = run(work, "catalog", "export", "--db", db, "--format", "jsonl");
        assertThat(jsonl.exitCode()).as(jsonl.stderr()).isZero();
        List<String> lines = jsonl.stdout().lines().toList();
        assertThat(lines).hasSize(6);
        JsonNode first = JSON.readTree(lines.getFirst());
        assertThat(first.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(first.path("target").asText()).isEqualTo(host + "/evil/miner-01:latest");
        assertThat(first.path("verdict").path("status").asText()).isEqualTo("malicious");
        assertThat(first.path("findings").size()).isPositive();

        CatalogFixtures.Proc sarif = run(work, "catalog", "export", "--db", db, "--format", "sarif");
        JsonNode s = JSON.readTree(sarif.stdout());
        assertThat(s.path("version").asText()).isEqualTo("2.1.0");
        assertThat(s.path("runs").size()).isEqualTo(6);
        assertThat(s.path("runs").get(0).path("results").size()).isEqualTo(first.path("findings").size());

        Path stix = work.resolve("iocs.json");
        assertThat(run(work, "catalog", "export", "--db", db, "--format", "stix", "-o", stix.toString()).exitCode()).isZero();
        JsonNode bundle = JSON.readTree(stix.toFile());
        assertThat(bundle.path("type").asText()).isEqualTo("bundle");
        assertThat(bundle.path("id").asText()).startsWith("bundle--");
        assertThat(bundle.path("objects").get(0).path("type").asText()).isEqualTo("identity");
        bundle.path("objects").forEach(o -> {
            if (o.path("type").asText().equals("indicator")) {
                assertThat(o.path("pattern").asText()).matches("\\[[a-z0-9-]+:value = '.*'\\]");
            }
        });
    }

    private static String repos(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            b.append(i > from ? "," : "").append("{\"name\":\"miner-0").append(i).append("\",\"namespace\":\"evil\",\"pull_count\":").append(i).append('}');
        }
        return b.toString();
    }
}
