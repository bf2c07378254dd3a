package dev.contraband.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contraband.image.Image;
import dev.contraband.image.ImageException;

import java.io.IOException;
import java.util.List;

/** An OCI image layout, as a folder ({@code oci:DIR[:REF]}) or as a tar of one ({@code oci-archive:FILE[:REF]}). */
final class OciLayoutSource implements ImageSource {
    private final BlobStore blobs;
    private final String ref;
    private final String describe;

    OciLayoutSource(BlobStore blobs, String ref, String describe) {
        this.blobs = blobs;
        this.ref = ref;
        this.describe = describe;
    }

    @Override
    public List<Image> images(PlatformSelection selection) throws IOException {
        if (!blobs.exists("oci-layout")) {
            throw new ImageException(describe + ": not an OCI image layout (no oci-layout file)");
        }
        JsonNode layout = Json.parse(blobs.readSmall("oci-layout"), describe + ": oci-layout");
        String version = Json.text(layout, "imageLayoutVersion");
        if (version == null || !version.startsWith("1.")) {
            throw new ImageException(describe + ": unsupported imageLayoutVersion " + version);
        }
        if (!blobs.exists("index.json")) {
            throw new ImageException(describe + ": index.json missing");
        }
        JsonNode index = Json.parse(blobs.readSmall("index.json"), describe + ": index.json");
        return new OciIndexResolver(blobs, describe).resolve(index, ref, selection);
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public void close() throws IOException {
        blobs.close();
    }
}
