package dev.contraband.detect.artifact;

import dev.contraband.detect.FileAnalysis;
import dev.contraband.detect.FileDetector;
import dev.contraband.detect.FileEntry;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Suspicious artifacts among a layer's files: ELF binaries (told by magic, not by name) in temporary or hidden
 * folders, setuid/setgid-root executables outside the system folders, and a non-empty {@code /etc/ld.so.preload}.
 */
public final class SuspiciousFileDetector implements FileDetector {
    private static final String PRELOAD = "/etc/ld.so.preload";
    /** Enough for the ELF header and the program headers that follow it in every linker's output. */
    private static final int HEAD = 4096;

    @Override
    public String id() {
        return "suspicious-artifacts";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<Rule> rules() {
        return List.of(ArtifactRules.ELF_IN_TEMP, ArtifactRules.ELF_IN_HIDDEN, ArtifactRules.SETUID_ROOT,
                ArtifactRules.SETGID_ROOT, ArtifactRules.LD_SO_PRELOAD);
    }

    @Override
    public boolean accepts(FileEntry e) {
        if (!e.isRegularFile()) {
            return false;
        }
        return e.path().equals(PRELOAD) && e.size() > 0
                || e.size() >= 52 && (SuspiciousPlaces.tempDir(e.path()) != null || SuspiciousPlaces.hiddenDir(e.path()) != null)
                || setRoot(e) && !SuspiciousPlaces.systemPath(e.path());
    }

    private static boolean setRoot(FileEntry e) {
        return e.isExecutable() && (e.isSetuid() && e.uid() == 0 || e.isSetgid() && e.gid() == 0);
    }

    @Override
    public FileAnalysis analyze(FileEntry entry) {
        return new Head(entry);
    }

    /** Collects the first bytes of the file, which is all this family needs. */
    private static final class Head implements FileAnalysis {
        private final FileEntry entry;
        private final byte[] head;
        private int length;

        Head(FileEntry entry) {
            this.entry = entry;
            this.head = new byte[(int) Math.min(HEAD, Math.max(entry.size(), 0))];
        }

        @Override
        public void update(byte[] chunk, int offset, int len) {
            int k = Math.min(len, head.length - length);
            System.arraycopy(chunk, offset, head, length, k);
            length += k;
        }

        @Override
        public boolean wantsMore() {
            return length < head.length;
        }

        @Override
        public void finish(Consumer<Finding> out) {
            String path = entry.path();
            Location at = new Location.File(path, null);
            if (path.equals(PRELOAD)) {
                preload(out, at);
                return;
            }
            ElfHeader elf = ElfHeader.parse(head, length);
            boolean isElf = ElfHeader.hasMagic(head, length);
            String temp = SuspiciousPlaces.tempDir(path);
            String hidden = SuspiciousPlaces.hiddenDir(path);
            if (isElf && temp != null) {
                out.accept(Finding.of(ArtifactRules.ELF_IN_TEMP, at,
                        "ELF binary " + path + " in temporary folder " + temp, describe(elf), null, null));
            } else if (elf != null && hidden != null && (elf.isProgram() || entry.isExecutable() && !path.contains(".so"))) {
                out.accept(Finding.of(ArtifactRules.ELF_IN_HIDDEN, at,
                        "ELF program " + path + " in hidden folder " + hidden, describe(elf), null, null));
            }
            if (setRoot(entry) && !SuspiciousPlaces.systemPath(path)) {
                String mode = String.format("mode %04o, owner %d:%d", entry.mode(), entry.uid(), entry.gid());
                if (entry.isSetuid() && entry.uid() == 0) {
                    out.accept(Finding.of(ArtifactRules.SETUID_ROOT, at,
                            "setuid-root executable " + path + " outside the system folders", mode, null, null));
                } else {
                    out.accept(Finding.of(ArtifactRules.SETGID_ROOT, at,
                            "setgid-root executable " + path + " outside the system folders", mode, null, null));
                }
            }
        }

        private void preload(Consumer<Finding> out, Location at) {
            String text = new String(head, 0, length, StandardCharsets.UTF_8);
            List<String> libraries = text.lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            if (!libraries.isEmpty()) {
                out.accept(Finding.of(ArtifactRules.LD_SO_PRELOAD, at,
                        "/etc/ld.so.preload preloads " + String.join(", ", libraries) + " into every process",
                        String.join(" ", libraries), null, String.join("\n", libraries)));
            }
        }

        private static String describe(ElfHeader elf) {
            if (elf == null) {
                return "ELF";
            }
            String kind = elf.type() == ElfHeader.ET_EXEC ? "executable"
                    : elf.type() == ElfHeader.ET_DYN ? (elf.interpreter() ? "PIE executable" : "shared object") : "type " + elf.type();
            return "ELF " + (elf.is64() ? "64" : "32") + "-bit " + kind + ", machine " + elf.machine();
        }
    }
}
