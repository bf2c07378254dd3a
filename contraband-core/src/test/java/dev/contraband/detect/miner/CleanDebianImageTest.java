package dev.contraband.detect.miner;

import dev.contraband.detect.Severity;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Scans;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The negative that matters most: the clean debootstrap Debian image that bench/layer-scan.sh builds and caches in
 * bench/.cache/layout. With every detector on, nothing at medium or above, nothing from the miner, network or
 * behaviour families at all. Skipped, saying why, when the cache has not been built on this machine.
 */
class CleanDebianImageTest {
    @Test
    void scan_debootstrapMinbase_cleanWithNoIndicatorFindings() throws IOException {
        Path layout = Path.of("").toAbsolutePath().getParent().resolve("bench/.cache/layout");
        Assumptions.assumeTrue(Files.isRegularFile(layout.resolve("index.json"))
                        && Files.readString(layout.resolve("index.json")).contains("\"bench\""),
                "no image \"bench\" in " + layout + ": run bench/layer-scan.sh once to build the debootstrap image");
        ImageReport r = Scans.scan("oci:" + layout + ":bench");
        assertThat(r.findings()).filteredOn(f -> f.rule().id().matches("(miner|network|behavior|hash)\\..*")).isEmpty();
        assertThat(r.findings()).noneMatch(f -> f.severity().atLeast(Severity.MEDIUM));
        assertThat(r.verdict().status().id()).isEqualTo("clean");
    }
}
