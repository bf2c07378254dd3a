package dev.contraband.detect;

import java.util.List;

/** A detector that looks at an image's config, history and name rather than at its files. */
public interface ImageDetector {
    String id();

    int version();

    List<Rule> rules();

    List<Finding> analyze(ImageContext image);
}
