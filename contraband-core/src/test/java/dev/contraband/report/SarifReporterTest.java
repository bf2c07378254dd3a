package dev.contraband.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contraband.scan.ImageReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SarifReporterTest {
    @TempDir
    Path tmp;

    @Test
    void write_dropper_resultsReferenceDeclaredRulesWithLayerProperties() throws IOException {
        ImageReport r = ReportFixtures.dropper(tmp);
        JsonNode sarif = new ObjectMapper().readTree(ReportFixtures.render(new SarifReporter(), List.of(r), true));
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").asText()).contains("sarif-2.1.0");
        JsonNode run = sarif.at("/runs/0");
        JsonNode rules = run.at("/tool/driver/rules");
        Set<String> ruleIds = new HashSet<>();
        rules.forEach(rule -> ruleIds.add(rule.get("id").asText()));
        assertThat(ruleIds).contains("artifact.elf-in-temp-dir", "artifact.ld-so-preload");
        JsonNode results = run.get("results");
        assertThat(results.size()).isEqualTo(r.findings().size());
        for (JsonNode result : results) {
            String id = result.get("ruleId").asText();
            assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(id);
            assertThat(result.get("level").asText()).isIn("error", "warning", "note");
            assertThat(result.at("/properties/category").asText()).isNotEmpty();
            assertThat(result.at("/partialFingerprints/contraband~1v1").asText()).hasSize(64);
        }
        JsonNode elf = null;
        for (JsonNode result : results) {
            if (result.get("ruleId").asText().equals("artifact.elf-in-temp-dir")) {
                elf = result;
            }
        }
        assertThat(elf.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("tmp/.cache/kthreadd");
        assertThat(elf.at("/level").asText()).isEqualTo("error");
        assertThat(elf.at("/properties/layerDigest").asText()).isEqualTo(r.layers().get(1).digest());
        assertThat(elf.at("/properties/layerIndex").asInt()).isEqualTo(1);
    }
}
