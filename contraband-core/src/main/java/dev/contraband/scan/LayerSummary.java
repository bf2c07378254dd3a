package dev.contraband.scan;

/** A layer as the report lists it. {@code size} is the stored (compressed) size in bytes. */
public record LayerSummary(int index, String digest, String diffId, String createdBy, long size) {
}
