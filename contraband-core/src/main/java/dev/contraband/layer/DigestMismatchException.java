package dev.contraband.layer;

import dev.contraband.image.ImageException;

/** Bytes did not hash to the digest that names them. */
public final class DigestMismatchException extends ImageException {
    public DigestMismatchException(String message) {
        super(message);
    }
}
