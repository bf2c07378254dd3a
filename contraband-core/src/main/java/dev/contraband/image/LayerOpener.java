package dev.contraband.image;

import java.io.IOException;
import java.io.InputStream;

/** Opens the stored bytes of a layer, as they are (compressed or not, not yet verified). */
@FunctionalInterface
public interface LayerOpener {
    InputStream open(LayerDescriptor layer) throws IOException;
}
