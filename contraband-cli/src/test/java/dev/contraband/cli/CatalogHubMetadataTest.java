package dev.contraband.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.contraband.cli.CatalogFixtures.JSON;
import static dev.contraband.cli.CatalogFixtures.reportJson;
import static dev.contraband.cli.CatalogFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6 item 4: Docker Hub repository metadata in catalog scans. A local server of Hub's JSON shape lists namespace
 * {@code acme}: {@code app-01} (tags, a clean description), {@code app-02} (tags, a description linking to a domain of
 * the test's {@code --feed}) and {@code promo} (no tags, a description linking to another feed domain). The two
 * repositories with tags are images of the catalog fixtures' registry.
 */
class CatalogHubMetadataTest {
    private static final String PROMO_DOMAIN = "claim-prize.example";
    private static final String LINK_DOMAIN = "freebies-now.example";
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            // duckdns.org is on the built-in dynamic-DNS feed, which is no bad-domain feed: not a finding
            "app-01", "A small web server. Docs: https://example.org/app, demo at acme-demo.duckdns.org",
            "app-02", "Web server builds; mirror at https://get." + LINK_DOMAIN + "/app-02",
            "promo", "FREE crypto!!! claim yours at hxxps://www[.]" + PROMO_DOMAIN + "/bonus");

    /** Hub's namespace listing, and its tag counts of the two repositories with bad links; every request recorded. */
    private static HttpServer hub(List<String> requests) throws IOException {
        HttpServer hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/v2/namespaces/", ex -> {
            String path = ex.getRequestURI().getPath();
            requests.add(path);
            int status = 200;
            String body;
            if (path.equals("/v2/namespaces/acme/repositories")) {
                StringBuilder results = new StringBuilder();
                for (String name : List.of("app-01", "app-02", "promo")) {
                    results.append(results.isEmpty() ? "" : ",").append("{\"name\":\"").append(name)
                            .append("\",\"namespace\":\"acme\",\"description\":").append(JSON.writeValueAsString(DESCRIPTIONS.get(name)))
                            .append(",\"pull_count\":3,\"last_updated\":").append(name.equals("promo") ? "null" : "\"2026-01-01T00:00:00Z\"")
                            .append('}');
                }
                body = "{\"count\":3,\"next\":null,\"previous\":null,\"results\":[" + results + "]}";
            } else if (path.equals("/v2/namespaces/acme/repositories/app-02/tags")) {
                body = "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"name\":\"latest\"}]}";
            } else if (path.equals("/v2/namespaces/acme/repositories/promo/tags")) {
                body = "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}";
            } else {
                status = 404;
                body = "{\"message\":\"object not found\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        hub.start();
        return hub;
    }

    /** {@code catalog scan} of Hub namespace acme into {@code db} with the test feed; returns Hub's requests. */
    private static List<String> scan(Path work, String db) throws Exception {
        String host = CatalogFixtures.registry();
        Path feed = work.resolve("intel.txt");
        Files.writeString(feed, "# category: malicious-website\n# source: the test\n" + PROMO_DOMAIN + "\n" + LINK_DOMAIN + "\n");
        Path noFeeds = Files.createDirectories(work.resolve("no-feeds")); // not the machine's ~/.cache/contraband/feeds
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer hub = hub(requests);
        try {
            CatalogFixtures.Proc p = run(work, "catalog", "scan", "--dockerhub-namespace", "acme", "--dockerhub-api",
                    "http://127.0.0.1:" + hub.getAddress().getPort() + "/", "--dockerhub-registry", host, "--db", db,
                    "--rate-limit", "0", "--feed", feed.toString(), "--feeds-dir", noFeeds.toString());
            assertThat(p.exitCode()).as(p.stderr()).isZero();
            assertThat(p.stderr()).contains("2 images done, 0 failed this run").contains("store: 3 done, 0 failed, 0 pending");
        } finally {
            hub.stop(0);
        }
        return requests;
    }

    private static void assertReport(JsonNode report) {
        assertThat(report.path("images").asInt()).as("two images and one imageless repository").isEqualTo(3);
        assertThat(report.path("malicious").asInt()).as("promo").isEqualTo(1);
        assertThat(report.path("suspicious").asInt()).as("app-02").isEqualTo(1);
        assertThat(report.path("clean").asInt()).as("app-01").isEqualTo(1);
        assertThat(report.path("failed").asInt()).as("no tags is no failure").isZero();
        assertThat(report.path("imageless").asInt()).isEqualTo(1);
        assertThat(report.path("categories").path("malicious-website").asInt()).isEqualTo(2);
        assertThat(report.path("namespaces")).hasSize(1);
        assertThat(report.path("namespaces").get(0).path("namespace").asText()).isEqualTo("acme");
        assertThat(report.path("namespaces").get(0).path("malicious").asInt()).isEqualTo(1);
        assertThat(report.path("namespaces").get(0).path("images").asInt()).isEqualTo(3);
        List<String> indicators = new ArrayList<>();
        report.path("indicators").forEach(i -> indicators.add(i.path("indicator").asText() + " "
                + i.path("category").asText() + " " + i.path("images").asInt()));
        assertThat(indicators).containsExactlyInAnyOrder(PROMO_DOMAIN + " malicious-website 1",
                LINK_DOMAIN + " malicious-website 1");
    }

    @Test
    void scan_dockerHubNamespace_badLinksAndImagelessRepository_inReportAndEveryExport() throws Exception {
        String host = CatalogFixtures.registry();
        Path work = CatalogFixtures.tempDir();
        String db = work.resolve("hub.db").toString();
        List<String> requests = scan(work, db);
        assertThat(requests).as("Hub is asked for tag counts of the repositories with bad links only")
                .contains("/v2/namespaces/acme/repositories/promo/tags", "/v2/namespaces/acme/repositories/app-02/tags")
                .doesNotContain("/v2/namespaces/acme/repositories/app-01/tags");

        JsonNode report = reportJson(work, db);
        assertReport(report);
        CatalogFixtures.Proc table = run(work, "catalog", "report", "--db", db, "--format", "table");
        assertThat(table.stdout()).containsPattern("imageless repositories +1 ");

        CatalogFixtures.Proc jsonl = run(work, "catalog", "export", "--db", db, "--format", "jsonl");
        assertThat(jsonl.exitCode()).as(jsonl.stderr()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : jsonl.stdout().lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).extracting(l -> l.path("target").asText())
                .containsExactly(host + "/acme/app-01:latest", host + "/acme/app-02:latest", host + "/acme/promo:*");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(Files.readString(Path.of("..", "docs", "report-schema.json"))));
        for (JsonNode line : lines) {
            assertThat(schema.validate(line)).as("schema violations in %s", line).isEmpty();
        }

        JsonNode clean = lines.get(0);
        assertThat(clean.at("/verdict/status").asText()).isEqualTo("clean");
        assertThat(metadataFindings(clean)).as("a clean description gets nothing").isEmpty();

        JsonNode linked = lines.get(1);
        assertThat(linked.at("/verdict/status").asText()).isEqualTo("suspicious");
        assertThat(linked.at("/verdict/categories").toString()).isEqualTo("[\"malicious-website\"]");
        assertThat(linked.at("/image/digest").asText()).startsWith("sha256:");
        assertThat(metadataFindings(linked)).hasSize(1);
        JsonNode badLink = metadataFindings(linked).getFirst();
        assertThat(badLink.path("ruleId").asText()).isEqualTo("metadata.description-links-bad-domain");
        assertThat(badLink.path("category").asText()).isEqualTo("malicious-website");
        assertThat(badLink.path("field").asText()).isEqualTo("description");
        assertThat(badLink.path("indicator").asText()).isEqualTo(LINK_DOMAIN);
        assertThat(linked.at("/verdict/explanation").asText()).contains(LINK_DOMAIN);

        JsonNode promo = lines.get(2);
        assertThat(promo.at("/verdict/status").asText()).isEqualTo("malicious");
        assertThat(promo.at("/verdict/categories").toString()).isEqualTo("[\"malicious-website\"]");
        assertThat(promo.at("/image/name").asText()).isEqualTo(host + "/acme/promo");
        assertThat(promo.at("/image/digest").isNull()).isTrue();
        assertThat(promo.at("/image/layers")).isEmpty();
        assertThat(metadataFindings(promo)).extracting(f -> f.path("ruleId").asText() + " " + f.path("indicator").asText())
                .containsExactly("metadata.description-links-bad-domain " + PROMO_DOMAIN,
                        "metadata.imageless-repository " + PROMO_DOMAIN);
        assertThat(promo.path("findings")).hasSize(2);

        CatalogFixtures.Proc sarif = run(work, "catalog", "export", "--db", db, "--format", "sarif");
        assertThat(sarif.exitCode()).as(sarif.stderr()).isZero();
        JsonNode runs = JSON.readTree(sarif.stdout()).path("runs");
        assertThat(runs).hasSize(3);
        assertThat(ruleIds(runs.get(0))).doesNotContain("metadata.description-links-bad-domain");
        assertThat(ruleIds(runs.get(1))).contains("metadata.description-links-bad-domain");
        assertThat(ruleIds(runs.get(2))).containsExactly("metadata.description-links-bad-domain", "metadata.imageless-repository");
        JsonNode imagelessRule = null;
        for (JsonNode rule : runs.get(2).at("/tool/driver/rules")) {
            if (rule.path("id").asText().equals("metadata.imageless-repository")) {
                imagelessRule = rule;
            }
        }
        assertThat(imagelessRule).isNotNull();
        assertThat(imagelessRule.at("/fullDescription/text").asText()).as("the rule's own help, not just its title")
                .contains("exists to advertise them");

        CatalogFixtures.Proc stix = run(work, "catalog", "export", "--db", db, "--format", "stix");
        assertThat(stix.exitCode()).as(stix.stderr()).isZero();
        List<String> patterns = new ArrayList<>();
        JSON.readTree(stix.stdout()).path("objects").forEach(o -> {
            if (o.path("type").asText().equals("indicator")) {
                patterns.add(o.path("pattern").asText() + " " + o.path("labels").toString() + " " + o.path("x_contraband_images").asInt());
            }
        });
        assertThat(patterns).contains("[domain-name:value = '" + PROMO_DOMAIN + "'] [\"malicious-website\"] 1",
                "[domain-name:value = '" + LINK_DOMAIN + "'] [\"malicious-website\"] 1");
        assertThat(String.join("\n", patterns)).doesNotContain("duckdns").doesNotContain("example.org");
    }

    @Test
    void scan_dockerHubNamespace_postgresStore_sameReport() throws Exception {
        Path work = CatalogFixtures.tempDir();
        String pg = CatalogFixtures.postgres();
        scan(work, pg);
        assertReport(reportJson(work, pg));
    }

    @Test
    void scan_missingFeedFile_exit2WithOneLine_noStoreMade() throws Exception {
        Path work = CatalogFixtures.tempDir();
        Path list = work.resolve("images.txt");
        Files.writeString(list, "127.0.0.1:1/x/y:latest\n");
        Path db = work.resolve("never.db");
        CatalogFixtures.Proc p = run(work, "catalog", "scan", "--list", list.toString(), "--db", db.toString(),
                "--feed", work.resolve("nope.txt").toString());
        assertThat(p.exitCode()).isEqualTo(2);
        assertThat(p.stderr().lines().toList()).hasSize(1);
        assertThat(p.stderr()).contains("nope.txt").contains("no such file").doesNotContain("Exception");
        assertThat(db).doesNotExist();
    }

    private static List<JsonNode> metadataFindings(JsonNode report) {
        List<JsonNode> out = new ArrayList<>();
        report.path("findings").forEach(f -> {
            if (f.path("source").asText().equals("metadata")) {
                out.add(f);
            }
        });
        return out;
    }

    private static List<String> ruleIds(JsonNode sarifRun) {
        List<String> out = new ArrayList<>();
        sarifRun.path("results").forEach(r -> out.add(r.path("ruleId").asText()));
        return out;
    }
}
