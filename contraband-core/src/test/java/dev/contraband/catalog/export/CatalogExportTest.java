package dev.contraband.catalog.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contraband.catalog.store.Store;
import dev.contraband.detect.Category;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;
import dev.contraband.detect.Severity;
import dev.contraband.image.ImageConfig;
import dev.contraband.image.Platform;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogExportTest {
    @TempDir
    Path dir;

    @Test
    void pattern_byKindOfIndicator() {
        assertThat(CatalogExport.pattern("pool.Example.com:3333")).isEqualTo("[domain-name:value = 'pool.example.com']");
        assertThat(CatalogExport.pattern("198.51.100.7")).isEqualTo("[ipv4-addr:value = '198.51.100.7']");
        assertThat(CatalogExport.pattern("stratum+tcp://pool.example.com:3333")).isEqualTo("[url:value = 'stratum+tcp://pool.example.com:3333']");
        assertThat(CatalogExport.pattern("http://x.test/a'b")).isEqualTo("[url:value = 'http://x.test/a\\'b']");
        assertThat(CatalogExport.pattern("44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A"))
                .startsWith("[x-contraband-wallet:value = '44AFF");
    }

    @Test
    void stix_bundleHasOneIndicatorPerValueWithImageCounts() throws Exception {
        Rule pool = new Rule("test-pool", Category.CRYPTOMINING, Severity.HIGH, "Mining pool", null);
        try (Store s = Store.open(dir.resolve("x.db").toString(), 1)) {
            for (String ref : List.of("r/a:1", "r/b:1")) {
                s.addImages(List.of(new Store.ImageRow(ref, "r/" + ref.charAt(2), "r", "1")));
            }
            s.claimImages("pending", "w", 10, 1, 0);
            for (String ref : List.of("r/a:1", "r/b:1")) {
                s.planned(ref, "w", null, ImageConfig.empty(Platform.LINUX_AMD64, List.of()), List.of());
            }
            s.claimImages("planned", "w", 10, 1, 0);
            for (String ref : List.of("r/a:1", "r/b:1")) {
                List<Finding> findings = new ArrayList<>();
                findings.add(Finding.of(pool, new Location.Config("Cmd"), "pool", null, "pool.example.com:3333", "p"));
                ImageReport r = new ImageReport(ref, ref, null, "linux/amd64", List.of(),
                        new Verdict(Verdict.Status.SUSPICIOUS, List.of(Category.CRYPTOMINING), "x"), findings, List.of(pool));
                assertThat(s.complete(ref, "w", 1, r, dev.contraband.catalog.store.Codecs.gzip("{}".getBytes()))).isTrue();
            }
            JsonNode bundle = CatalogExport.stix(s, "2026-01-01T00:00:00Z");
            assertThat(bundle.path("type").asText()).isEqualTo("bundle");
            List<JsonNode> indicators = new ArrayList<>();
            bundle.path("objects").forEach(o -> {
                if (o.path("type").asText().equals("indicator")) {
                    indicators.add(o);
                }
            });
            assertThat(indicators).hasSize(1);
            JsonNode i = indicators.getFirst();
            assertThat(i.path("spec_version").asText()).isEqualTo("2.1");
            assertThat(i.path("pattern").asText()).isEqualTo("[domain-name:value = 'pool.example.com']");
            assertThat(i.path("pattern_type").asText()).isEqualTo("stix");
            assertThat(i.path("id").asText()).startsWith("indicator--");
            assertThat(i.path("x_contraband_images").asInt()).isEqualTo(2);
            assertThat(i.path("labels").get(0).asText()).isEqualTo("cryptomining");

            List<ImageReport> reports = CatalogExport.reports(s, List.of());
            assertThat(reports).hasSize(2);
            assertThat(reports.getFirst().findings().getFirst().indicator()).isEqualTo("pool.example.com:3333");
        }
    }
}
