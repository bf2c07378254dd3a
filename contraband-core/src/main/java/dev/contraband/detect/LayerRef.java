package dev.contraband.detect;

/** The layer a finding sits in, by its position in the image and its digest. */
public record LayerRef(int index, String digest) {
}
