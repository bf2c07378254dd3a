package dev.contraband.detect.secret;

import dev.contraband.detect.FileAnalysis;
import dev.contraband.detect.FileEntry;
import dev.contraband.detect.Finding;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every built-in rule finds its true-positive samples and none of its false-positive ones. */
class SecretRuleSamplesTest {
    static final long SEED = 20261204L;
    private static final SecretFileDetector DETECTOR = new SecretFileDetector(SecretRuleSet.builtIn());

    static List<Finding> scan(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        FileEntry e = new FileEntry(path, FileEntry.Type.FILE, 0644, 0, 0, Math.max(bytes.length, 1), null);
        FileAnalysis a = DETECTOR.analyze(e);
        // Small chunks, so matches straddle chunk boundaries as they do in real layers.
        for (int i = 0; i < bytes.length; i += 37) {
            a.update(bytes, i, Math.min(37, bytes.length - i));
        }
        List<Finding> out = new ArrayList<>();
        a.finish(out::add);
        return out;
    }

    @TestFactory
    Stream<DynamicTest> samples_everyRule_findsTruePositivesOnly() {
        SampleTemplates templates = new SampleTemplates(SEED);
        return SecretRuleSet.builtIn().rules().stream().flatMap(rule -> {
            List<DynamicTest> tests = new ArrayList<>();
            for (String tp : rule.truePositives()) {
                SampleTemplates.Sample s = templates.expand(tp);
                tests.add(DynamicTest.dynamicTest(rule.id() + " finds " + tp, () ->
                        assertThat(scan(s.path(), s.content())).extracting(f -> f.rule().id())
                                .as("%s on %s", rule.id(), s.content()).contains(rule.id())));
            }
            for (String fp : rule.falsePositives()) {
                SampleTemplates.Sample s = templates.expand(fp);
                tests.add(DynamicTest.dynamicTest(rule.id() + " ignores " + fp, () ->
                        assertThat(scan(s.path(), s.content())).extracting(f -> f.rule().id())
                                .as("%s on %s", rule.id(), s.content()).doesNotContain(rule.id())));
            }
            return tests.stream();
        });
    }

    @Test
    void builtIn_hasAtLeast150Rules() {
        assertThat(SecretRuleSet.builtIn().rules()).hasSizeGreaterThanOrEqualTo(150);
    }

    @Test
    void builtIn_everyRuleHasTitleSeverityAndKeywords() {
        for (SecretRule r : SecretRuleSet.builtIn().rules()) {
            assertThat(r.rule().title()).as(r.id() + " title").isNotBlank().isNotEqualTo(r.id().substring("secret.".length()));
            assertThat(r.keywords()).as(r.id() + " keywords").isNotEmpty();
        }
    }

    @Test
    void builtIn_everyRuleHasBothKindsOfSamples() {
        for (SecretRule r : SecretRuleSet.builtIn().rules()) {
            assertThat(r.truePositives()).as(r.id() + " true positives").isNotEmpty();
            assertThat(r.falsePositives()).as(r.id() + " false positives").isNotEmpty();
        }
    }
}
