package dev.contraband.detect.secret;

import dev.contraband.pattern.PatternDatabase;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private final int[] withPaths;
    private final Engine everyPath;
    private final Engine binary;
    private final Map<BitSet, Engine> byPathRules = new ConcurrentHashMap<>();
    private final int maxFindingsPerFile;

    /**
     * Hyperscan's speed falls with every pattern it carries, so a file is scanned by the smallest databases that
     * hold its rules: the rules for every path (or, for binaries, just the high-confidence ones: the others would
     * not report there, and binaries are most of an image's bytes), plus — only for files a path rule names, such
     * as {@code .pgpass} — a small database of the path rules that apply, compiled on first use.
     */
    public SecretMatcher(List<SecretRule> rules, int maxFindingsPerFile) {
        this.regexRules = rules.stream().filter(r -> !r.pathOnly()).toList();
        this.pathRules = rules.stream().filter(SecretRule::pathOnly).toList();
        this.withPaths = java.util.stream.IntStream.range(0, regexRules.size())
                .filter(i -> !regexRules.get(i).paths().isEmpty()).toArray();
        this.everyPath = engine(i -> regexRules.get(i).paths().isEmpty());
        this.binary = engine(i -> regexRules.get(i).paths().isEmpty() && regexRules.get(i).highConfidence());
        this.maxFindingsPerFile = maxFindingsPerFile;
    }

    private Engine engine(java.util.function.IntPredicate which) {
        List<String> patterns = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < regexRules.size(); i++) {
            if (which.test(i)) {
                patterns.add(regexRules.get(i).enginePattern());
                ids.add(i);
            }
        }
        return patterns.isEmpty() ? null
                : new Engine(PatternDatabase.compile(patterns), ids.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Indices (into {@link #regexRules()}) of the rules limited to some paths; the others apply everywhere. */
    int[] rulesWithPaths() {
        return withPaths;
    }

    /** The engine for content that is (or is not) binary, without path rules. */
    Engine base(boolean isBinary) {
        return isBinary ? binary : everyPath;
    }

    /** A database of just the path rules {@code applicable} (indices into {@link #regexRules()}), made once. */
    Engine forPathRules(BitSet applicable) {
        return byPathRules.computeIfAbsent(applicable, set -> engine(set::get));
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
