package dev.contraband.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contraband.sample.ImageWriter;
import dev.contraband.sample.SampleImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** --scanners runs only the chosen detector families, as Trivy's --scanners does. */
class ScannersOptionTest {
    @TempDir
    Path tmp;
    private String dropper;

    @BeforeEach
    void image() throws IOException {
        // The dropper plants secrets and suspicious artifacts: two families in one image.
        ImageWriter.ociLayout(tmp.resolve("dropper"), "t", SampleImages.dropper());
        dropper = "oci:" + tmp.resolve("dropper") + ":t";
    }

    private Set<String> families(String... extra) throws IOException {
        String[] args = new String[extra.length + 5];
        args[0] = "scan";
        args[1] = dropper;
        args[2] = "-f";
        args[3] = "json";
        args[4] = "--no-progress";
        System.arraycopy(extra, 0, args, 5, extra.length);
        Fixtures.Run r = Fixtures.run(args);
        assertThat(r.exitCode()).as(r.stderr()).isIn(0, 1);
        Set<String> out = new HashSet<>();
        for (JsonNode f : Fixtures.JSON.readTree(r.stdout()).get("findings")) {
            String rule = f.get("ruleId").asText();
            out.add(rule.substring(0, rule.indexOf('.')));
        }
        return out;
    }

    @Test
    void everyFamilyByDefault_onlyTheChosenOnesWithScanners() throws IOException {
        Set<String> all = families();
        assertThat(all).contains("secret", "artifact");
        assertThat(families("--scanners", "secret")).containsExactly("secret");
        assertThat(families("--scanners=behavior,artifact")).containsExactly("artifact");
    }

    @Test
    void unknownScanner_exit2NamingItAndTheKnownOnes() {
        Fixtures.Run r = Fixtures.run("scan", dropper, "--scanners", "secret,vuln", "--no-progress");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("unknown scanner 'vuln'").contains("artifact, secret, miner");
        assertThat(r.stderr()).doesNotContain("Exception");
    }
}
