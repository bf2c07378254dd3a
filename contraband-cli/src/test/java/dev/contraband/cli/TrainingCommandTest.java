package dev.contraband.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's training workload: every scan of it must succeed (a failing one would leave that code path out of
 * the ahead-of-time cache, and the launcher would run without a cache), and it leaves no file behind.
 */
class TrainingCommandTest {
    @Test
    void trainingRun_scansEverySourceKindIncludingTheLoopbackRegistry_andCleansUp() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = trainingFolders(tmp);
        Fixtures.Run r = Fixtures.run("training-run");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(trainingFolders(tmp)).isEqualTo(before);
    }

    private static long trainingFolders(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("contraband-training-")).count();
        }
    }
}
