package dev.contraband.registry;

import dev.contraband.image.Digest;

/** A manifest or index as the registry served it, its bytes verified against {@code digest}. */
public record Manifest(byte[] bytes, String mediaType, Digest digest) {
    public Manifest {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
