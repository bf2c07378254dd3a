package dev.contraband.report;

import java.util.Locale;

/** The output formats of {@code scan --format}. */
public enum ReportFormat {
    TABLE, JSON, SARIF;

    public static ReportFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid format \"" + text + "\" (expected table, json or sarif)");
        }
    }

    public Reporter reporter(boolean color) {
        return switch (this) {
            case TABLE -> new TableReporter(color);
            case JSON -> new JsonReporter();
            case SARIF -> new SarifReporter();
        };
    }
}
