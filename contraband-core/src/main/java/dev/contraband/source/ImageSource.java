package dev.contraband.source;

import dev.contraband.image.Image;

import java.io.IOException;
import java.util.List;

/**
 * Where images come from. Opening resolves manifests and configs (small, verified); layers are opened lazily through
 * each {@link Image}, which stays valid until the source is closed.
 */
public interface ImageSource extends AutoCloseable {
    /** The images selected by {@code selection}, at least one; an {@link dev.contraband.image.ImageException} otherwise. */
    List<Image> images(PlatformSelection selection) throws IOException;

    /** How the user named this source, for messages. */
    String describe();

    @Override
    void close() throws IOException;
}
