package dev.contraband.scan;

import dev.contraband.detect.Finding;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code .contrabandignore} file, in the spirit of {@code .trivyignore}: one entry a line, {@code #} comments.
 * An entry is a finding fingerprint (64 hex), a rule id, or a path glob ({@code /usr/share/doc/**}); ignored findings
 * leave the report and the verdict is decided again without them.
 */
public final class IgnoreFile {
    public static final String DEFAULT_NAME = ".contrabandignore";
    private static final Pattern FINGERPRINT = Pattern.compile("[a-f0-9]{64}");

    private final Set<String> fingerprints;
    private final Set<String> ruleIds;
    private final List<PathMatcher> globs;

    private IgnoreFile(Set<String> fingerprints, Set<String> ruleIds, List<PathMatcher> globs) {
        this.fingerprints = Set.copyOf(fingerprints);
        this.ruleIds = Set.copyOf(ruleIds);
        this.globs = List.copyOf(globs);
    }

    public static IgnoreFile none() {
        return new IgnoreFile(Set.of(), Set.of(), List.of());
    }

    public static IgnoreFile parse(List<String> lines, String source) throws IOException {
        Set<String> fingerprints = new HashSet<>();
        Set<String> ruleIds = new HashSet<>();
        List<PathMatcher> globs = new ArrayList<>();
        int n = 0;
        for (String raw : lines) {
            n++;
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (FINGERPRINT.matcher(line).matches()) {
                fingerprints.add(line);
            } else if (line.startsWith("/") || line.contains("*")) {
                try {
                    globs.add(FileSystems.getDefault().getPathMatcher("glob:" + line));
                } catch (IllegalArgumentException e) {
                    throw new IOException(source + ":" + n + ": invalid glob \"" + line + "\" (" + e.getMessage() + ")");
                }
            } else if (line.matches("[a-z0-9][a-z0-9.-]*")) {
                ruleIds.add(line);
            } else {
                throw new IOException(source + ":" + n + ": \"" + line
                        + "\" is neither a fingerprint, a rule id nor a path glob");
            }
        }
        return new IgnoreFile(fingerprints, ruleIds, globs);
    }

    public static IgnoreFile load(Path file) throws IOException {
        return parse(Files.readAllLines(file), file.toString());
    }

    public boolean ignores(Finding f) {
        if (fingerprints.contains(f.fingerprint()) || ruleIds.contains(f.rule().id())) {
            return true;
        }
        String path = f.path();
        if (path != null) {
            Path p = Path.of(path);
            for (PathMatcher g : globs) {
                if (g.matches(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The report without ignored findings, its verdict decided again. */
    public ImageReport apply(ImageReport report) {
        List<Finding> kept = report.findings().stream().filter(f -> !ignores(f)).toList();
        if (kept.size() == report.findings().size()) {
            return report;
        }
        return new ImageReport(report.target(), report.name(), report.digest(), report.platform(), report.layers(),
                VerdictPolicy.decide(kept, report.layers()), kept, report.rules());
    }
}
