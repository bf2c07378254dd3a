package dev.contraband.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Regression: --output onto a device replaced /dev/null with a regular file (found by the catalog bench). */
class OutputFileTest {
    @TempDir
    Path tmp;

    @Test
    void scan_outputIsAFifo_writesIntoItAndKeepsIt() throws Exception {
        Path fifo = tmp.resolve("report.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Path copy = tmp.resolve("copy.json");
        Process cat = new ProcessBuilder("sh", "-c", "cat '" + fifo + "' > '" + copy + "'").start();
        dev.contraband.sample.SampleImages.write(tmp);
        Fixtures.Run run = Fixtures.run("scan", "--format", "json", "--output", fifo.toString(),
                "docker-archive:" + tmp.resolve("clean-app.tar"));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(cat.waitFor()).isZero();
        assertThat(Files.isRegularFile(fifo)).as("the fifo must stay a fifo").isFalse();
        assertThat(Files.exists(fifo)).isTrue();
        assertThat(Files.readString(copy)).contains("\"schemaVersion\"");
    }

    @Test
    void scan_outputIsARegularFile_replacedWhole() throws IOException {
        Path out = tmp.resolve("r.json");
        Files.writeString(out, "old");
        dev.contraband.sample.SampleImages.write(tmp);
        Fixtures.Run run = Fixtures.run("scan", "--format", "json", "--output", out.toString(),
                "docker-archive:" + tmp.resolve("clean-app.tar"));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(Files.readString(out)).startsWith("{").contains("\"schemaVersion\"");
    }
}
