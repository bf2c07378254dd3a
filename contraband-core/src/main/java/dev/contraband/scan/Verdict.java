package dev.contraband.scan;

import dev.contraband.detect.Category;

import java.util.List;

/** The image's verdict: status, the categories that led to it, and one line a human can act on. */
public record Verdict(Status status, List<Category> categories, String explanation) {
    public enum Status {
        MALICIOUS, SUSPICIOUS, CLEAN;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Verdict {
        categories = List.copyOf(categories);
    }
}
