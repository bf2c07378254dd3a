package dev.contraband.catalog.exec;

import dev.contraband.detect.secret.SecretRuleSet;
import dev.contraband.feed.FeedSet;
import dev.contraband.feed.HashFeed;
import dev.contraband.layer.ScanLimits;
import dev.contraband.scan.Detectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogScanTest {
    /** Layer reports stored under one key are reused only by runs with the same feeds: --feed changes what files show. */
    @Test
    void layerKey_changesWithTheFeedsGiven_notWithTheSameOnes() throws Exception {
        String builtIn = CatalogScan.layerKey(Detectors.builtIn(), ScanLimits.DEFAULT);
        Detectors withFeed = Detectors.with(SecretRuleSet.builtIn(), ImagelessRepositoryTest.feeds(), HashFeed.empty());
        assertThat(CatalogScan.layerKey(withFeed, ScanLimits.DEFAULT)).isNotEqualTo(builtIn);
        assertThat(CatalogScan.layerKey(Detectors.with(SecretRuleSet.builtIn(), FeedSet.builtIn(), HashFeed.empty()),
                ScanLimits.DEFAULT)).isEqualTo(builtIn);
    }
}
