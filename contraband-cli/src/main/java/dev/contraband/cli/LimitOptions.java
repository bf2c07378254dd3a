package dev.contraband.cli;

import dev.contraband.layer.ScanLimits;
import picocli.CommandLine.Option;

/** The bounds every scanning command takes: what a hostile layer may not make the scan do. */
final class LimitOptions {
    @Option(names = "--max-layer-bytes", paramLabel = "SIZE", defaultValue = "8GiB", converter = SizeConverter.class,
            description = "Fail a layer that decompresses to more than SIZE, such as a decompression bomb "
                    + "(default: ${DEFAULT-VALUE}).")
    long maxLayerBytes;

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "4GiB", converter = SizeConverter.class,
            description = "Fail a layer holding a file larger than SIZE (default: ${DEFAULT-VALUE}).")
    long maxFileBytes;

    @Option(names = "--max-archive-depth", paramLabel = "N", defaultValue = "2",
            description = "Open archives inside the image (zip, jar, whl, tar, tgz…) to this nesting depth; "
                    + "0 does not open them (default: ${DEFAULT-VALUE}).")
    int maxArchiveDepth;

    /** The limits; {@link IllegalArgumentException} for a negative depth. */
    ScanLimits limits() {
        return new ScanLimits(maxLayerBytes, maxFileBytes, maxArchiveDepth);
    }
}
