package dev.contraband.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.contraband.scan.ImageReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReporterTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static JsonSchema schema;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadSchema() throws IOException {
        Path file = Path.of("..", "docs", "report-schema.json");
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(Files.readString(file)));
    }

    private static void assertValid(JsonNode doc) {
        Set<ValidationMessage> errors = schema.validate(doc);
        assertThat(errors).as("schema violations in %s", doc).isEmpty();
    }

    @Test
    void write_realReports_validateAgainstSchema() throws IOException {
        ImageReport dropper = ReportFixtures.dropper(tmp.resolve("d"));
        ImageReport clean = ReportFixtures.clean(Files.createDirectories(tmp.resolve("c")));
        for (ImageReport r : List.of(dropper, clean)) {
            JsonNode doc = JSON.readTree(ReportFixtures.render(new JsonReporter(), List.of(r), true));
            assertValid(doc);
        }
    }

    @Test
    void write_schemaRejectsBrokenReport() throws IOException {
        JsonNode doc = JSON.readTree(ReportFixtures.render(new JsonReporter(), List.of(ReportFixtures.dropper(tmp)), true));
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("verdict")).put("status", "evil");
        assertThat(schema.validate(doc)).isNotEmpty();
    }

    @Test
    void write_dropper_hasContractFields() throws IOException {
        JsonNode doc = JSON.readTree(ReportFixtures.render(new JsonReporter(), List.of(ReportFixtures.dropper(tmp)), true));
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.at("/verdict/status").asText()).isEqualTo("malicious");
        assertThat(doc.at("/image/layers").size()).isEqualTo(3);
        JsonNode deleted = null;
        for (JsonNode f : doc.get("findings")) {
            if ("/opt/.hidden/loader".equals(f.path("path").asText())) {
                deleted = f;
            }
        }
        assertThat(deleted).isNotNull();
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(deleted.get("layerIndex").asInt()).isEqualTo(1);
        assertThat(deleted.get("layerDigest").asText()).isEqualTo(doc.at("/image/layers/1/digest").asText());
        assertThat(deleted.get("source").asText()).isEqualTo("file");
    }

    @Test
    void write_severalPlatforms_printsArrayOfValidReports() throws IOException {
        ImageReport r = ReportFixtures.dropper(tmp);
        JsonNode doc = JSON.readTree(ReportFixtures.render(new JsonReporter(), List.of(r, r), false));
        assertThat(doc.isArray()).isTrue();
        doc.forEach(JsonReporterTest::assertValid);
    }
}
