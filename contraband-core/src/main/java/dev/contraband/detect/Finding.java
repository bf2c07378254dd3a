package dev.contraband.detect;

import dev.contraband.image.Digest;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One thing found in an image.
 *
 * @param severity    the rule's severity, or lower when context (such as a test fixture) lowers it
 * @param message     what was found, specifically ("ELF executable /tmp/.x/kworker in a temporary directory")
 * @param evidence    an excerpt of what matched, already redacted when it is a secret; may be null
 * @param indicator   a network indicator or wallet, printed whole; may be null
 * @param context     why the severity was lowered ("test-fixture"), or null
 * @param fingerprint stable id for ignore files: sha256 of the rule id, the location key and the matched value
 */
public record Finding(Rule rule, Severity severity, Location location, String message, String evidence,
                      String indicator, String context, String fingerprint) {
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /**
     * A finding at the rule's severity. {@code subject} is what makes it this finding and no other (the secret, the
     * indicator, or nothing when the location says it all); it goes into the fingerprint only as a hash.
     */
    public static Finding of(Rule rule, Location location, String message, String evidence, String indicator,
                             String subject) {
        return new Finding(rule, rule.severity(), location, message, evidence, indicator, null,
                fingerprint(rule.id(), locationKey(location), subject));
    }

    public Finding withLocation(Location newLocation) {
        return new Finding(rule, severity, newLocation, message, evidence, indicator, context, fingerprint);
    }

    public Finding withSeverity(Severity newSeverity, String newContext) {
        return new Finding(rule, newSeverity, location, message, evidence, indicator, newContext, fingerprint);
    }

    public Category category() {
        return rule.category();
    }

    /** The path of a file finding, or null. */
    public String path() {
        return location instanceof Location.File f ? f.path() : null;
    }

    private static String locationKey(Location location) {
        return switch (location) {
            case Location.File f -> f.path();
            case Location.Config c -> "config:" + c.field();
            case Location.History h -> "history:" + h.entry();
            case Location.Name n -> "name:" + n.name();
            case Location.Metadata m -> "metadata:" + m.field();
        };
    }

    static String fingerprint(String ruleId, String locationKey, String subject) {
        String material = ruleId + "\u0000" + locationKey + "\u0000" + (subject == null ? "" : subject);
        return Digest.sha256Of(material.getBytes(StandardCharsets.UTF_8)).hex();
    }
}
