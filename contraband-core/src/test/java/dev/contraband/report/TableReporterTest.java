package dev.contraband.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableReporterTest {
    @TempDir
    Path tmp;

    @Test
    void write_dropper_groupsBySeverityWithLayerAndPathAndVerdict() throws IOException {
        String text = ReportFixtures.render(new TableReporter(false), List.of(ReportFixtures.dropper(tmp)), true);
        assertThat(text).contains("\nHIGH\n").contains("\nMEDIUM\n");
        assertThat(text.indexOf("\nHIGH\n")).isLessThan(text.indexOf("\nMEDIUM\n"));
        assertThat(text).containsPattern("layer 1 +/tmp/.cache/kthreadd +artifact.elf-in-temp-dir");
        assertThat(text).contains("[deleted in a later layer]");
        assertThat(text).containsPattern("\nVerdict: MALICIOUS \\[[a-z, -]+] - ");
        assertThat(text).doesNotContain("\u001b[");
    }
}
