package dev.contraband.detect.artifact;

import dev.contraband.detect.ImageContext;
import dev.contraband.image.ImageConfig;
import dev.contraband.image.Platform;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SuspiciousEntrypointDetectorTest {
    private static List<String> run(List<String> entrypoint, List<String> cmd, String workingDir) {
        ImageConfig c = new ImageConfig(Platform.LINUX_AMD64, null, entrypoint, cmd, List.of(), null, List.of(), Map.of(),
                workingDir, List.of(), List.of());
        return new SuspiciousEntrypointDetector().analyze(new ImageContext(null, c, List.of()))
                .stream().map(f -> f.rule().id() + " " + ((dev.contraband.detect.Location.Config) f.location()).field()).toList();
    }

    @Test
    void analyze_shellRunsFromTmp_found() {
        assertThat(run(List.of("sh", "-c", "/tmp/x & sleep 1"), List.of(), null))
                .containsExactly("artifact.entrypoint-runs-from-temp-dir Entrypoint");
    }

    @Test
    void analyze_relativeProgramInTmpWorkingDir_found() {
        assertThat(run(List.of(), List.of("./kworker"), "/var/tmp")).containsExactly("artifact.entrypoint-runs-from-temp-dir Cmd");
    }

    @Test
    void analyze_hiddenFolderProgram_found() {
        assertThat(run(List.of("/opt/.cache/kthreadd"), List.of(), null)).containsExactly("artifact.entrypoint-runs-from-hidden-dir Entrypoint");
    }

    @Test
    void analyze_configFileInTmp_notAProgram() {
        assertThat(run(List.of("nginx", "-c", "/tmp/nginx.conf"), List.of(), null)).isEmpty();
    }
}
