package dev.contraband.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contraband.image.Digest;
import dev.contraband.image.Image;
import dev.contraband.image.ImageException;
import dev.contraband.image.LayerDescriptor;
import dev.contraband.registry.Manifest;
import dev.contraband.registry.Reference;
import dev.contraband.registry.RegistryClient;
import dev.contraband.registry.RegistrySettings;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * An image in a registry ({@code nginx:1.27}, {@code 127.0.0.1:5000/team/app@sha256:…}): the manifest or index the
 * reference names, then the same index walk and platform choice as for OCI layouts, manifests fetched by digest and
 * configs and layers from the blob endpoint. Layers stream straight from the registry into the layer walker.
 */
public final class RegistrySource implements ImageSource {
    private final Reference reference;
    private final RegistryClient client;
    private final String describe;
    private final boolean ownsClient;

    private RegistrySource(Reference reference, RegistryClient client, String describe, boolean ownsClient) {
        this.reference = reference;
        this.client = client;
        this.describe = describe;
        this.ownsClient = ownsClient;
    }

    /** An image of {@code reference} read through a client shared with other sources (catalog scans); closing this source leaves the client open. */
    public static RegistrySource shared(Reference reference, RegistryClient client, String describe) {
        return new RegistrySource(reference, client, describe, false);
    }

    /** @param describe how the user named it; bad references are refused with a message naming the wrong part */
    public static RegistrySource open(String referenceText, RegistrySettings settings, String describe) throws IOException {
        Reference ref;
        try {
            ref = Reference.parse(referenceText);
        } catch (IllegalArgumentException e) {
            throw new ImageException(e.getMessage());
        }
        return new RegistrySource(ref, RegistryClient.create(settings), describe, true);
    }

    @Override
    public List<Image> images(PlatformSelection selection) throws IOException {
        Manifest top = client.manifest(reference);
        JsonNode root = Json.parse(top.bytes(), reference + ": manifest");
        OciIndexResolver resolver = new OciIndexResolver(content(top), reference.toString());
        String name = reference.toString();
        return root.has("manifests") ? resolver.resolve(root, null, selection, name)
                : resolver.resolveManifest(top.digest(), name, selection);
    }

    private ImageContent content(Manifest top) {
        return new ImageContent() {
            @Override
            public byte[] read(Digest digest, Kind kind) throws IOException {
                if (kind == Kind.CONFIG) {
                    return client.smallBlob(reference, digest, "config");
                }
                return digest.equals(top.digest()) ? top.bytes() : client.manifest(reference, digest).bytes();
            }

            @Override
            public InputStream openLayer(LayerDescriptor layer) throws IOException {
                return client.blob(reference, layer.digest(), layer.size());
            }
        };
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
