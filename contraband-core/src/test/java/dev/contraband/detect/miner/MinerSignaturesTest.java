package dev.contraband.detect.miner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MinerSignaturesTest {
    /** Regression: the layer-cache key once hashed parsed records (Patterns hash by identity), so every process had its own key. */
    @Test
    void configuration_isTheDataFilesHash_stableAcrossProcesses() {
        assertThat(new MinerFileDetector().configuration()).matches("[0-9a-f]{16}").isEqualTo(MinerSignatures.builtInHash());
        assertThat(MinerSignatures.builtIn()).hasSizeGreaterThanOrEqualTo(15)
                .extracting(MinerSignatures.Family::id).contains("xmrig", "xmrig-proxy", "xmr-stak", "cpuminer", "ccminer",
                        "cgminer", "ethminer", "t-rex", "lolminer", "nbminer", "phoenixminer", "srbminer", "teamredminer",
                        "gminer", "nanominer");
    }
}
