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
 * @param maxLength   how many bytes before the end of a hit the match may start (the window searched)
 * @param highConfidence whether the rule is precise enough to run on the printable strings of binaries
 * @param paths       when not empty, the rule applies only to files whose path matches one of these
 * @param pathOnly    a rule with no regex: the file's path alone is the finding (keystores by extension)
 * @param allow       regexes on the secret that mark a known non-secret for this rule
 * @param truePositives  sample templates that must be found (expanded at test time, see docs/rules.md)
 * @param falsePositives sample templates that must not be found
 */
public record SecretRule(Rule rule, Pattern regex, String regexSource, int secretGroup, List<String> keywords,
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
