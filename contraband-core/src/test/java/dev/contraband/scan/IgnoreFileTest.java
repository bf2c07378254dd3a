package dev.contraband.scan;

import dev.contraband.sample.ImageWriter;
import dev.contraband.sample.SampleImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IgnoreFileTest {
    @TempDir
    Path tmp;

    private ImageReport dropper() throws IOException {
        ImageWriter.ociLayout(tmp, "latest", SampleImages.dropper());
        return Scans.scan("oci:" + tmp);
    }

    @Test
    void apply_byFingerprintRuleAndGlob_removesAndRedecidesVerdict() throws IOException {
        ImageReport r = dropper();
        String fingerprint = r.findings().stream().filter(f -> "/etc/ld.so.preload".equals(f.path()))
                .findFirst().orElseThrow().fingerprint();
        IgnoreFile ignore = IgnoreFile.parse(List.of(
                "# known", fingerprint, "artifact.entrypoint-runs-from-temp-dir", "/tmp/**  # droppings",
                "/usr/local/bin/*", "/opt/**", "/root/**"), "test");
        ImageReport filtered = ignore.apply(r);
        assertThat(filtered.findings()).isEmpty();
        assertThat(filtered.verdict().status()).isEqualTo(Verdict.Status.CLEAN);
        assertThat(r.verdict().status()).isEqualTo(Verdict.Status.MALICIOUS);
    }

    @Test
    void parse_garbageLine_namesFileAndLine() {
        assertThatThrownBy(() -> IgnoreFile.parse(List.of("ok.rule", "Not A Rule!"), ".contrabandignore"))
                .hasMessageContaining(".contrabandignore:2");
    }
}
