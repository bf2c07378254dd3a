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

    private final List<SecretRule> regexRules;
    private final List<SecretRule> pathRules;
    private final PatternDatabase database;
    private final int maxFindingsPerFile;

    public SecretMatcher(List<SecretRule> rules, int maxFindingsPerFile) {
        this.regexRules = rules.stream().filter(r -> !r.pathOnly()).toList();
        this.pathRules = rules.stream().filter(SecretRule::pathOnly).toList();
        List<String> regexes = new ArrayList<>();
        regexRules.forEach(r -> regexes.add(r.enginePattern()));
        this.database = regexes.isEmpty() ? null : PatternDatabase.compile(regexes);
        this.maxFindingsPerFile = maxFindingsPerFile;
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

    PatternDatabase database() {
        return database;
    }

    /** Starts scanning the content of {@code path}; with {@code binary}, only high-confidence rules report. */
    public SecretScan open(String path) {
        return new SecretScan(this, path);
    }
}
