package dev.contraband.source;

import dev.contraband.image.Digest;
import dev.contraband.image.ImageException;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/** Files of an image on disk or inside an archive, addressed by their path relative to the image root. */
interface BlobStore extends AutoCloseable {
    int MAX_METADATA_BYTES = 8 << 20;

    /** Opens a file; throws {@link ImageException} naming it when it is missing. */
    InputStream open(String path) throws IOException;

    boolean exists(String path);

    @Override
    void close() throws IOException;

    static String blobPath(Digest digest) {
        return "blobs/" + digest.algorithm() + "/" + digest.hex();
    }

    /** Reads a small file (manifest, config, index) whole, refusing more than {@link #MAX_METADATA_BYTES}. */
    default byte[] readSmall(String path) throws IOException {
        try (InputStream in = open(path)) {
            byte[] bytes = in.readNBytes(MAX_METADATA_BYTES + 1);
            if (bytes.length > MAX_METADATA_BYTES) {
                throw new ImageException(path + ": larger than " + (MAX_METADATA_BYTES >> 20) + " MiB, not a manifest or config");
            }
            return bytes;
        }
    }

    /** Reads a small blob and checks that its bytes hash to its digest. */
    default byte[] readVerified(Digest digest, String what) throws IOException {
        String path = blobPath(digest);
        if (!exists(path)) {
            throw new ImageException(what + " " + digest + ": blob missing (" + path + ")");
        }
        byte[] bytes = readSmall(path);
        MessageDigest md = digest.newMessageDigest();
        Digest actual = new Digest(digest.algorithm(), java.util.HexFormat.of().formatHex(md.digest(bytes)));
        if (!actual.equals(digest)) {
            throw new ImageException(what + " " + digest + ": digest mismatch (content hashes to " + actual + ")");
        }
        return bytes;
    }
}
