package dev.contraband.image;

import java.io.IOException;

/**
 * The input cannot be read as an image: its message names the part (file, blob, layer, entry) and the cause, and is
 * meant to be shown to the user as it is.
 */
public class ImageException extends IOException {
    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
