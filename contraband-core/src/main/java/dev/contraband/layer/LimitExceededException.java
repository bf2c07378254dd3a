package dev.contraband.layer;

import dev.contraband.image.ImageException;

/** A {@link ScanLimits} bound was hit. */
public final class LimitExceededException extends ImageException {
    public LimitExceededException(String message) {
        super(message);
    }
}
