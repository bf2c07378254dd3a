package dev.contraband.layer;

/**
 * Bounds that keep a hostile layer from exhausting the machine. Hitting one fails the layer with a message naming
 * the limit and its option.
 *
 * @param maxLayerBytes total uncompressed bytes of one layer (a decompression bomb stops here), {@code --max-layer-bytes}
 * @param maxFileBytes  size of one file in a layer, {@code --max-file-size}
 */
public record ScanLimits(long maxLayerBytes, long maxFileBytes) {
    public static final ScanLimits DEFAULT = new ScanLimits(8L << 30, 4L << 30);

    public ScanLimits {
        if (maxLayerBytes <= 0 || maxFileBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
