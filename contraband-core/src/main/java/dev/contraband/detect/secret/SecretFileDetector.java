package dev.contraband.detect.secret;

import dev.contraband.detect.FileAnalysis;
import dev.contraband.detect.FileDetector;
import dev.contraband.detect.FileEntry;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;

import java.util.List;
import java.util.function.Consumer;

/**
 * Embedded secrets in a layer's files: every regular file's content through the rule set's pattern engine (in
 * binaries only high-confidence rules report), and files that are secrets by their path alone (keystores).
 */
public final class SecretFileDetector implements FileDetector {
    private final SecretRuleSet rules;

    public SecretFileDetector(SecretRuleSet rules) {
        this.rules = rules;
    }

    public SecretFileDetector() {
        this(SecretRuleSet.builtIn());
    }

    @Override
    public String id() {
        return "secrets";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String configuration() {
        return rules.hash();
    }

    @Override
    public List<Rule> rules() {
        return rules.rules().stream().map(SecretRule::rule).toList();
    }

    @Override
    public boolean accepts(FileEntry entry) {
        return entry.isRegularFile() && entry.size() > 0;
    }

    @Override
    public FileAnalysis analyze(FileEntry entry) {
        String path = entry.path();
        SecretScan scan = rules.matcher().open(path);
        return new FileAnalysis() {
            @Override
            public void update(byte[] chunk, int offset, int length) {
                scan.update(chunk, offset, length);
            }

            @Override
            public boolean wantsMore() {
                return scan.wantsMore();
            }

            @Override
            public void finish(Consumer<Finding> out) {
                for (SecretScan.Candidate c : scan.finish()) {
                    out.accept(SecretFindings.of(c.rule(), new Location.File(path, c.line()), path, c.secret(), path));
                }
                for (SecretRule r : rules.matcher().pathRules()) {
                    if (r.appliesTo(path)) {
                        out.accept(SecretFindings.of(r, new Location.File(path, null), path, entry.name(), path));
                    }
                }
            }
        };
    }
}
