package dev.contraband.catalog.plan;

/** Which tags of a repository a catalog scan takes: {@code latest}, {@code all}, or the N most recent by config {@code created}. */
public record TagSelection(Mode mode, int recent) {
    public enum Mode { LATEST, ALL, RECENT }

    public static final TagSelection LATEST = new TagSelection(Mode.LATEST, 0);

    public static TagSelection parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("latest")) {
            return LATEST;
        }
        if (t.equals("all")) {
            return new TagSelection(Mode.ALL, 0);
        }
        try {
            int n = Integer.parseInt(t);
            if (n >= 1) {
                return new TagSelection(Mode.RECENT, n);
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message
        }
        throw new IllegalArgumentException("--tags \"" + text + "\" is invalid (expected latest, all, or a number of most recent tags ≥ 1)");
    }

    @Override
    public String toString() {
        return mode == Mode.RECENT ? Integer.toString(recent) : mode.name().toLowerCase(java.util.Locale.ROOT);
    }
}
