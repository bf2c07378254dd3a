package dev.contraband.detect.artifact;

import dev.contraband.detect.FileAnalysis;
import dev.contraband.detect.FileEntry;
import dev.contraband.detect.Finding;
import dev.contraband.sample.SampleElf;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuspiciousFileDetectorTest {
    private final SuspiciousFileDetector detector = new SuspiciousFileDetector();

    private List<String> run(String path, byte[] content, int mode, long uid) {
        FileEntry e = new FileEntry(path, FileEntry.Type.FILE, mode, uid, 0, content.length, null);
        List<Finding> out = new ArrayList<>();
        if (detector.accepts(e)) {
            FileAnalysis a = detector.analyze(e);
            for (int i = 0; i < content.length && a.wantsMore(); i += 100) {
                a.update(content, i, Math.min(100, content.length - i));
            }
            a.finish(out::add);
        }
        return out.stream().map(f -> f.rule().id()).toList();
    }

    @Test
    void elf_inTemporaryFolder_isHigh() {
        assertThat(run("/dev/shm/k", SampleElf.program(), 0755, 0)).containsExactly("artifact.elf-in-temp-dir");
    }

    @Test
    void elf_hiddenFolderProgramVersusLibrary() {
        assertThat(run("/opt/.cache/kthreadd", SampleElf.program(), 0755, 0)).containsExactly("artifact.elf-in-hidden-dir");
        assertThat(run("/opt/.cache/pie", SampleElf.elf(SampleElf.ET_DYN, true, 4096), 0644, 0)).containsExactly("artifact.elf-in-hidden-dir");
        assertThat(run("/opt/.libs/libx.so.1", SampleElf.elf(SampleElf.ET_DYN, false, 4096), 0755, 0)).isEmpty();
    }

    @Test
    void setuidRoot_outsideSystemPaths_only() {
        assertThat(run("/usr/local/bin/rootsh", "#!/bin/sh".getBytes(), 04755, 0)).containsExactly("artifact.setuid-root-outside-system-paths");
        assertThat(run("/usr/bin/passwd", SampleElf.program(), 04755, 0)).isEmpty();
        assertThat(run("/usr/local/bin/mine", SampleElf.program(), 04755, 1000)).isEmpty();
        assertThat(run("/opt/g", SampleElf.program(), 02755, 0)).containsExactly("artifact.setgid-root-outside-system-paths");
    }

    @Test
    void ldSoPreload_commentsAndBlankLinesOnly_isNotAFinding() {
        assertThat(run("/etc/ld.so.preload", "# nothing\n\n".getBytes(StandardCharsets.UTF_8), 0644, 0)).isEmpty();
        assertThat(run("/etc/ld.so.preload", "/lib/x.so\n".getBytes(StandardCharsets.UTF_8), 0644, 0)).containsExactly("artifact.ld-so-preload");
    }
}
