package dev.contraband.detect.secret;

import dev.contraband.pattern.PatternDatabase;

import java.util.ArrayList;
import java.util.List;

/**
 * The compiled form of a rule set: one Hyperscan database holding every regex rule, shared by all threads. Each file
 * (or config value) is scanned by a {@link SecretScan} opened here.
 */
public final class SecretMatcher {
    /** The largest window a rule may ask for: bytes kept from earlier chunks to resolve a hit. */
    static final int MAX_WINDOW = 16_000;
    /** Bytes after a hit's end also searched: Hyperscan reports the earliest end, the match may go on. */
    static final int SLACK = 256;

    /**
     * A compiled subset of the regex rules; {@code rules[i]} is the index (in {@link #regexRules()}) of the rule
     * whose pattern has id {@code i} in {@code database}.
     */
    record Engine(PatternDatabase database, int[] rules) {
    }

    private final List<SecretRule> regexRules;
    private final List<SecretRule> pathRules;
    private final Engine all;
    private final Engine anyPath;
    private final Engine binary;
    private final int maxFindingsPerFile;

    /**
     * Three databases, since Hyperscan's speed falls with every pattern it carries: rules that apply to every path
     * (most files need only these), all rules (for the few files a path rule names, such as {@code .pgpass}), and
     * the high-confidence rules without path, for binaries — where the others would not report anyway, and which
     * are most of an image's bytes.
     */
    public SecretMatcher(List<SecretRule> rules, int maxFindingsPerFile) {
        this.regexRules = rules.stream().filter(r -> !r.pathOnly()).toList();
        this.pathRules = rules.stream().filter(SecretRule::pathOnly).toList();
        this.all = engine(r -> true);
        this.anyPath = engine(r -> r.paths().isEmpty());
        this.binary = engine(r -> r.paths().isEmpty() && r.highConfidence());
        this.maxFindingsPerFile = maxFindingsPerFile;
    }

    private Engine engine(java.util.function.Predicate<SecretRule> which) {
        List<String> patterns = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < regexRules.size(); i++) {
            if (which.test(regexRules.get(i))) {
                patterns.add(regexRules.get(i).enginePattern());
                ids.add(i);
            }
        }
        return patterns.isEmpty() ? null
                : new Engine(PatternDatabase.compile(patterns), ids.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The engine for a file: whether a path rule names it, and whether its content is binary. */
    Engine engineFor(boolean pathRuleApplies, boolean isBinary) {
        if (pathRuleApplies) {
            return all;
        }
        return isBinary ? binary : anyPath;
    }

    List<SecretRule> regexRules() {
        return regexRules;
    }

    List<SecretRule> pathRules() {
        return pathRules;
    }

    int maxFindingsPerFile() {
        return maxFindingsPerFile;
    }


    /** Starts scanning the content of {@code path}; in binary content only high-confidence rules report. */
    public SecretScan open(String path) {
        return new SecretScan(this, path);
    }
}
