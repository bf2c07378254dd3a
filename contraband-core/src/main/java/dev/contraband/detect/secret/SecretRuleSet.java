package dev.contraband.detect.secret;

import dev.contraband.image.Digest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The secret rules a scan runs — built-in, plus a user's, minus the disabled — compiled once. Its {@link #hash()}
 * is part of the layer-report cache key, so changing a rule re-scans.
 */
public final class SecretRuleSet {
    public static final int DEFAULT_MAX_FINDINGS_PER_FILE = 100;
    private final List<SecretRule> rules;
    private final SecretMatcher matcher;
    private final String hash;

    private SecretRuleSet(List<SecretRule> rules, int maxFindingsPerFile) {
        this.rules = List.copyOf(rules);
        this.matcher = new SecretMatcher(this.rules, maxFindingsPerFile);
        StringBuilder material = new StringBuilder();
        for (SecretRule r : this.rules) {
            material.append(r.id()).append('\u0000').append(r.regexSource()).append('\u0000').append(r.prefilter()).append('\u0000').append(r.severity())
                    .append('\u0000').append(r.paths()).append('\u0000').append(r.minEntropy()).append('\u0000')
                    .append(r.validator()).append('\u0000').append(r.allow()).append('\u0000')
                    .append(r.highConfidence()).append('\n');
        }
        this.hash = Digest.sha256Of(material.toString().getBytes(StandardCharsets.UTF_8)).shortHex();
    }

    /** The built-in rules, compiled once per process. */
    public static SecretRuleSet builtIn() {
        return Holder.BUILT_IN;
    }

    private static final class Holder {
        static final SecretRuleSet BUILT_IN = new SecretRuleSet(SecretRuleLoader.builtIn(), DEFAULT_MAX_FINDINGS_PER_FILE);
    }

    /**
     * Built-in rules (unless {@code noBuiltIn}) followed by {@code extra}; a user rule with a built-in rule's id
     * replaces it. {@code enabledOnly}, when not empty, keeps just those ids; {@code disabled} removes ids (with or
     * without the {@code secret.} prefix).
     */
    public static SecretRuleSet of(boolean noBuiltIn, Collection<SecretRule> extra, Set<String> enabledOnly,
                                   Set<String> disabled) {
        List<SecretRule> all = new ArrayList<>(noBuiltIn ? List.of() : SecretRuleLoader.builtIn());
        for (SecretRule r : extra) {
            all.removeIf(existing -> existing.id().equals(r.id()));
            all.add(r);
        }
        Set<String> on = normalize(enabledOnly);
        Set<String> off = normalize(disabled);
        all.removeIf(r -> off.contains(r.id()) || !on.isEmpty() && !on.contains(r.id()));
        return new SecretRuleSet(all, DEFAULT_MAX_FINDINGS_PER_FILE);
    }

    private static Set<String> normalize(Set<String> ids) {
        Set<String> out = new java.util.HashSet<>();
        for (String id : ids) {
            out.add(id.startsWith(SecretRuleLoader.ID_PREFIX) ? id : SecretRuleLoader.ID_PREFIX + id);
        }
        return out;
    }

    public List<SecretRule> rules() {
        return rules;
    }

    SecretMatcher matcher() {
        return matcher;
    }

    public String hash() {
        return hash;
    }
}
