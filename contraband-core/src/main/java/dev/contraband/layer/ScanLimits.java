package dev.contraband.layer;

/**
 * Bounds that keep a hostile layer from exhausting the machine. Hitting one fails the layer with a message naming
 * the limit and its option.
 *
 * @param maxLayerBytes total uncompressed bytes of one layer (a decompression bomb stops here), {@code --max-layer-bytes}
 * @param maxFileBytes  size of one file in a layer, {@code --max-file-size}
 * @param maxArchiveDepth how deep archives inside archives are opened (0: not at all), {@code --max-archive-depth}
 */
public record ScanLimits(long maxLayerBytes, long maxFileBytes, int maxArchiveDepth) {
    public static final int DEFAULT_ARCHIVE_DEPTH = 2;
    public static final ScanLimits DEFAULT = new ScanLimits(8L << 30, 4L << 30, DEFAULT_ARCHIVE_DEPTH);

    public ScanLimits {
        if (maxLayerBytes <= 0 || maxFileBytes <= 0 || maxArchiveDepth < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public ScanLimits(long maxLayerBytes, long maxFileBytes) {
        this(maxLayerBytes, maxFileBytes, DEFAULT_ARCHIVE_DEPTH);
    }
}
