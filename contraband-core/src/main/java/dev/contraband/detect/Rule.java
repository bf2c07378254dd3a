package dev.contraband.detect;

import java.util.Objects;

/**
 * What a detector can report: a stable id (used in ignore files and SARIF), its category and default severity, a
 * short title and a sentence a user can act on.
 */
public record Rule(String id, Category category, Severity severity, String title, String description) {
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        if (!id.matches("[a-z0-9][a-z0-9.-]*")) {
            throw new IllegalArgumentException("rule id must be lower-case letters, digits, dots and dashes: " + id);
        }
    }
}
