package dev.contraband.source;

import dev.contraband.image.Platform;

/**
 * Which images of a multi-platform index to scan.
 *
 * @param explicit whether the user asked for {@code wanted}; an image that carries one platform only is scanned
 *                 whatever its platform unless the user asked for another
 */
public record PlatformSelection(Platform wanted, boolean all, boolean explicit) {
    public static final PlatformSelection DEFAULT = new PlatformSelection(Platform.LINUX_AMD64, false, false);

    public static PlatformSelection of(Platform wanted) {
        return new PlatformSelection(wanted, false, true);
    }

    public static PlatformSelection allPlatforms() {
        return new PlatformSelection(Platform.LINUX_AMD64, true, false);
    }
}
