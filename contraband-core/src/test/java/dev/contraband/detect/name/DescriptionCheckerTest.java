package dev.contraband.detect.name;

import dev.contraband.detect.Category;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.feed.Feed;
import dev.contraband.feed.FeedParser;
import dev.contraband.feed.FeedSet;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

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

    @Test
    void of_feeds_takesMaliciousWebsiteDomainsOnly_lessBenignOnes() throws Exception {
        Feed intel = FeedParser.parse("claim-prize.example\ngithub.com\n".getBytes(StandardCharsets.UTF_8), "intel",
                Category.MALICIOUS_WEBSITE);
        Feed young = FeedParser.parse("domain,registered\nfresh-domain.example,2099-01-01\n".getBytes(StandardCharsets.UTF_8), "nrd",
                Category.NEWLY_REGISTERED_DOMAIN);
        DescriptionChecker fromFeeds = DescriptionChecker.of(FeedSet.of(FeedSet.builtInFeeds(), List.of(intel, young), 30,
                LocalDate.of(2099, 1, 2)));
        assertThat(fromFeeds.check("win at https://www.claim-prize.example/now")).extracting(Finding::indicator)
                .containsExactly("claim-prize.example");
        // benign even when a feed lists it; built-in dynamic-DNS and newly-registered domains are no bad links
        assertThat(fromFeeds.check("code on github.com, demo at me.duckdns.org, news at fresh-domain.example")).isEmpty();
        assertThat(DescriptionChecker.of(FeedSet.builtIn()).linksBadDomain("pool at pool.supportxmr.com, me.duckdns.org"))
                .isFalse();
    }
}
