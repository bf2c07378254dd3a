package dev.contraband.cli;

import dev.contraband.detect.secret.SecretRule;
import dev.contraband.detect.secret.SecretRuleLoader;
import dev.contraband.detect.secret.SecretRuleSet;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** The secret-rule flags of {@code scan}: which rules run (docs/rules.md). */
final class SecretOptions {
    @Option(names = "--secret-rules", paramLabel = "FILE",
            description = "Add the secret rules of a TOML rule file (docs/rules.md; gitleaks-style [[rules]]). Repeatable.")
    List<Path> ruleFiles = new ArrayList<>();

    @Option(names = "--no-builtin-secret-rules", description = "Run only the rules of --secret-rules files.")
    boolean noBuiltIn;

    @Option(names = "--enable-rule", paramLabel = "ID", split = ",",
            description = "Run only these secret rules (comma-separated ids, e.g. github-token,aws-access-key-id).")
    List<String> enabled = new ArrayList<>();

    @Option(names = "--disable-rule", paramLabel = "ID", split = ",",
            description = "Do not run these secret rules.")
    List<String> disabled = new ArrayList<>();

    /** The rule set to scan with; the built-in one (compiled once) when no flag changes it. */
    SecretRuleSet ruleSet() throws IOException {
        if (ruleFiles.isEmpty() && !noBuiltIn && enabled.isEmpty() && disabled.isEmpty()) {
            return SecretRuleSet.builtIn();
        }
        List<SecretRule> extra = new ArrayList<>();
        for (Path file : ruleFiles) {
            extra.addAll(SecretRuleLoader.load(file));
        }
        try {
            return SecretRuleSet.of(noBuiltIn, extra, new HashSet<>(enabled), new HashSet<>(disabled));
        } catch (IllegalArgumentException e) {
            throw new IOException("secret rules: " + e.getMessage());
        }
    }
}
