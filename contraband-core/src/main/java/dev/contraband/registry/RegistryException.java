package dev.contraband.registry;

import dev.contraband.image.ImageException;

/** A registry refused or failed a request; the message names the registry or repository and never a credential. */
public class RegistryException extends ImageException {
    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
