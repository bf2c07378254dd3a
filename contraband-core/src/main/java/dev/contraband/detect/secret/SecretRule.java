package dev.contraband.detect.secret;

import dev.contraband.detect.Category;
import dev.contraband.detect.Rule;
import dev.contraband.detect.Severity;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One secret rule, built-in or from a user's rule file (format in docs/rules.md). The {@code regex} is compiled twice:
 * into the shared Hyperscan database (as a prefilter: "may match here") and as a {@link Pattern} that decides on a
 * small window and extracts {@code secretGroup}.
 *
 * @param prefilter   a cheaper pattern for the Hyperscan pass (the rule's literal anchor, such as a PEM header),
 *                    or null to use {@code regex}; with a prefilter the window reaches {@code maxLength} bytes
 *                    <em>after</em> the hit, since the match starts there
 * @param maxLength   how many bytes before the end of a hit the match may start (the window searched)
 * @param highConfidence whether the rule is precise enough to run on the printable strings of binaries
 * @param paths       when not empty, the rule applies only to files whose path matches one of these
 * @param pathOnly    a rule with no regex: the file's path alone is the finding (keystores by extension)
 * @param allow       regexes on the secret that mark a known non-secret for this rule
 * @param truePositives  sample templates that must be found (expanded at test time, see docs/rules.md)
 * @param falsePositives sample templates that must not be found
 */
public record SecretRule(Rule rule, Pattern regex, String regexSource, String prefilter, int secretGroup, List<String> keywords,
                         double minEntropy, boolean highConfidence, String validator, List<Pattern> paths,
                         boolean pathOnly, int maxLength, List<Pattern> allow, List<String> truePositives,
                         List<String> falsePositives) {
    public SecretRule {
        keywords = List.copyOf(keywords);
        paths = List.copyOf(paths);
        allow = List.copyOf(allow);
        truePositives = List.copyOf(truePositives);
        falsePositives = List.copyOf(falsePositives);
    }

    /** What the Hyperscan database compiles for this rule. */
    public String enginePattern() {
        return prefilter != null ? prefilter : regexSource;
    }

    /** Bytes before a hit's end that the regex searches. */
    int windowBefore() {
        return prefilter != null ? SecretMatcher.SLACK : maxLength;
    }

    /** Bytes after a hit's end that the regex searches. */
    int windowAfter() {
        return prefilter != null ? maxLength : SecretMatcher.SLACK;
    }

    public String id() {
        return rule.id();
    }

    public Severity severity() {
        return rule.severity();
    }

    public Category category() {
        return rule.category();
    }

    /** Whether the rule looks at a file with this path. */
    public boolean appliesTo(String path) {
        if (paths.isEmpty()) {
            return true;
        }
        for (Pattern p : paths) {
            if (p.matcher(path).find()) {
                return true;
            }
        }
        return false;
    }
}
