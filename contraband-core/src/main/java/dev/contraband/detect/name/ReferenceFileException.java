package dev.contraband.detect.name;

import java.io.IOException;

/** A reference-names file that cannot be used; the message names the file and the line. */
public final class ReferenceFileException extends IOException {
    public ReferenceFileException(String message) {
        super(message);
    }
}
