package dev.contraband.image;

/** One entry of the config's {@code history}: the build step and whether it produced a layer. */
public record HistoryEntry(String created, String createdBy, String comment, boolean emptyLayer) {
}
