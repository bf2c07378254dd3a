package dev.contraband.image;

import java.util.List;

/**
 * One platform image ready to scan: its metadata and a way to open its layers. Valid while the source that made it
 * is open.
 *
 * @param name   the reference the image is known by (a repo tag, a ref annotation), or null
 * @param digest the manifest digest; for a docker-archive, which keeps no manifest, the config digest (Docker's image id)
 */
public record Image(String name, Digest digest, ImageConfig config, List<LayerDescriptor> layers, LayerOpener opener) {
    public Image {
        layers = List.copyOf(layers);
    }

    public Platform platform() {
        return config.platform();
    }
}
