package dev.contraband.detect.name;

import dev.contraband.detect.Category;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DescriptionCheckerTest {
    private final DescriptionChecker checker = new DescriptionChecker(Set.of("free-crypto.example", "Bad.Example"));

    @Test
    void check_linkToBadDomain_isMaliciousWebsiteFromMetadata() {
        List<Finding> f = checker.check("Get it at https://www.free-crypto.example/claim?x=1 now");
        assertThat(f).hasSize(1);
        assertThat(f.getFirst().category()).isEqualTo(Category.MALICIOUS_WEBSITE);
        assertThat(f.getFirst().location()).isEqualTo(new Location.Metadata("description"));
        assertThat(f.getFirst().location().source()).isEqualTo("metadata");
        assertThat(f.getFirst().indicator()).isEqualTo("free-crypto.example");
    }

    @Test
    void check_defangedAndBareHosts_areFound_onceEach() {
        List<Finding> f = checker.check("hxxp://bad[.]example and bad.example and sub.bad.example");
        assertThat(f).extracting(Finding::indicator).containsExactly("bad.example");
    }

    @Test
    void check_unlistedOrLookalikeDomains_areIgnored() {
        assertThat(checker.check("docs at https://example.com and notbad.example.org")).isEmpty();
        assertThat(checker.check("see bad.example.org")).isEmpty();
        assertThat(checker.check(null)).isEmpty();
    }

    @Test
    void checkRepository_noTags_addsImageless() {
        List<Finding> f = checker.checkRepository("visit free-crypto.example", 0);
        assertThat(f).extracting(x -> x.rule().id())
                .containsExactly("metadata.description-links-bad-domain", "metadata.imageless-repository");
        assertThat(checker.checkRepository("visit free-crypto.example", 3)).hasSize(1);
        assertThat(checker.checkRepository("a plain description", 0)).isEmpty();
    }
}
