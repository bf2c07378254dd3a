package dev.contraband.source;

import dev.contraband.image.Digest;
import dev.contraband.image.ImageException;
import dev.contraband.image.LayerDescriptor;

import java.io.IOException;
import java.io.InputStream;

/**
 * What {@link OciIndexResolver} reads an image from: small documents by digest, verified against it, and raw layer
 * streams (verified by the layer walker). An OCI layout serves all of them from {@code blobs/}; a registry serves
 * indexes and manifests from its manifest endpoint and configs and layers from its blob endpoint.
 */
interface ImageContent {
    enum Kind {
        INDEX, MANIFEST, CONFIG;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    byte[] read(Digest digest, Kind kind) throws IOException;

    InputStream openLayer(LayerDescriptor layer) throws IOException;

    static ImageContent of(BlobStore blobs, String source) {
        return new ImageContent() {
            @Override
            public byte[] read(Digest digest, Kind kind) throws IOException {
                return blobs.readVerified(digest, kind.label());
            }

            @Override
            public InputStream openLayer(LayerDescriptor layer) throws IOException {
                String path = BlobStore.blobPath(layer.digest());
                if (!blobs.exists(path)) {
                    throw new ImageException(source + ": layer " + layer.index() + " " + layer.digest()
                            + ": blob missing (" + path + ")");
                }
                return blobs.open(path);
            }
        };
    }
}
