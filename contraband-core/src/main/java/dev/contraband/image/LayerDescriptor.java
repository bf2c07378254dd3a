package dev.contraband.image;

/**
 * A layer of an image as its manifest and config describe it.
 *
 * @param digest    the digest of the stored blob, when the source names one (a docker-archive's legacy
 *                  {@code layer.tar} and a {@code dir:} folder do not); verified while streaming
 * @param diffId    the digest of the uncompressed tar from the config's {@code rootfs.diff_ids}, when known; verified
 * @param size      the blob size from the manifest, or -1
 * @param createdBy the history step that made this layer, or null
 */
public record LayerDescriptor(int index, Digest digest, Digest diffId, String mediaType, long size, String createdBy) {
}
