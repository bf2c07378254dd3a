package dev.contraband.catalog.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.contraband.catalog.store.Store.ImageRow;
import dev.contraband.detect.Category;
import dev.contraband.detect.Rule;
import dev.contraband.detect.name.DescriptionChecker;
import dev.contraband.feed.Feed;
import dev.contraband.feed.FeedParser;
import dev.contraband.feed.FeedSet;
import dev.contraband.report.JsonReporter;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Verdict;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImagelessRepositoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static FeedSet feeds() throws Exception {
        Feed intel = FeedParser.parse("claim-prize.example\n".getBytes(StandardCharsets.UTF_8), "intel",
                Category.MALICIOUS_WEBSITE);
        return FeedSet.of(FeedSet.builtInFeeds(), List.of(intel), 30, LocalDate.now());
    }

    @Test
    void report_badLinksNoTags_maliciousWebsiteEntryWithoutImage_validAgainstSchema() throws Exception {
        ImageRow row = new ImageRow("docker.io/promo/free:*", "docker.io/promo/free", "promo", null,
                "FREE coins at hxxps://win.claim-prize[.]example today");
        List<Rule> rules = DescriptionChecker.RULES;
        ImageReport r = ImagelessRepository.report(row, DescriptionChecker.of(feeds()), rules);

        assertThat(r.digest()).isNull();
        assertThat(r.platform()).isNull();
        assertThat(r.layers()).isEmpty();
        assertThat(r.verdict().status()).as("two high findings of different rules").isEqualTo(Verdict.Status.MALICIOUS);
        assertThat(r.verdict().categories()).containsExactly(Category.MALICIOUS_WEBSITE);
        assertThat(r.findings()).extracting(f -> f.rule().id())
                .containsExactly(DescriptionChecker.BAD_LINK.id(), DescriptionChecker.IMAGELESS.id());
        assertThat(r.findings()).allSatisfy(f -> {
            assertThat(f.location().source()).isEqualTo("metadata");
            assertThat(f.indicator()).isEqualTo("claim-prize.example");
        });

        JsonNode doc = JsonReporter.toJson(r);
        assertThat(doc.at("/target").asText()).isEqualTo("docker.io/promo/free:*");
        assertThat(doc.at("/image/name").asText()).isEqualTo("docker.io/promo/free");
        assertThat(doc.at("/image/digest").isNull()).isTrue();
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(Files.readString(Path.of("..", "docs", "report-schema.json"))));
        assertThat(schema.validate(doc)).as("schema violations in %s", doc).isEmpty();
        // a missing digest is only for an entry without layers
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("image")).putArray("layers").addObject()
                .put("index", 0).put("digest", "sha256:" + "0".repeat(64)).put("diffId", "sha256:" + "0".repeat(64))
                .putNull("createdBy").put("size", 1);
        assertThat(schema.validate(doc)).isNotEmpty();
    }
}
