package dev.contraband.detect;

import java.util.List;

/**
 * A detector that looks at the files of a layer. It never learns which image or source the file came from, so a
 * layer's findings can be computed once and shared by every image that has the layer.
 */
public interface FileDetector {
    /** Stable id, part of the layer cache key. */
    String id();

    /** Bumped when the detector's behaviour changes, so cached layer reports are re-made. */
    int version();

    /**
     * What else decides this detector's findings besides its version, such as a hash of its rule set; part of the
     * layer-report cache key. Empty when nothing does.
     */
    default String configuration() {
        return "";
    }

    /** The rules this detector can report. */
    List<Rule> rules();

    /** A cheap filter on path and attributes; only accepted files are analysed. */
    boolean accepts(FileEntry entry);

    /** Starts analysing an accepted file. */
    FileAnalysis analyze(FileEntry entry);
}
