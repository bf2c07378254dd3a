package dev.contraband.detect;

import dev.contraband.image.ImageConfig;
import dev.contraband.image.LayerDescriptor;

import java.util.List;

/**
 * What image-level detectors see: the image's name (null when unknown), its config with history, and its layers.
 */
public record ImageContext(String name, ImageConfig config, List<LayerDescriptor> layers) {
    public ImageContext {
        layers = List.copyOf(layers);
    }
}
