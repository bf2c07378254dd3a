package dev.contraband.detect;

import java.util.Locale;

/** Finding severity, highest first. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    /** One level lower, never below {@link #INFO}. */
    public Severity lower() {
        return this == INFO ? INFO : values()[ordinal() + 1];
    }

    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid severity \"" + text + "\" (expected critical, high, medium, low or info)");
        }
    }
}
