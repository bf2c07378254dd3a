package dev.contraband.layer;

import dev.contraband.detect.FileAnalysis;
import dev.contraband.detect.FileDetector;
import dev.contraband.detect.Finding;
import dev.contraband.image.LayerDescriptor;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams one layer blob exactly once: a {@link LayerReader} on a second thread verifies, decompresses and parses
 * it, and this walker pushes each accepted file's content through the detectors chunk by chunk. Nothing is written
 * to disk and nothing in the layer is executed or followed. Findings are returned only once the reader has
 * verified every byte: a layer whose digest fails reports nothing.
 */
public final class LayerWalker {
    private final List<FileDetector> detectors;
    private final ScanLimits limits;
    private final NestedArchives archives;

    public LayerWalker(List<FileDetector> detectors, ScanLimits limits) {
        this.detectors = List.copyOf(detectors);
        this.limits = limits;
        this.archives = new NestedArchives(this.detectors, limits, limits.maxArchiveDepth());
    }

    /** Rules the walker itself reports (archives it could not open). */
    public static List<dev.contraband.detect.Rule> rules() {
        return NestedArchives.rules();
    }

    /**
     * Walks the layer read from {@code raw} (closed here).
     *
     * @param label how messages name this layer, e.g. "layer 2 sha256:ab12…"
     */
    public LayerReport walk(LayerDescriptor layer, InputStream raw, String label) throws IOException {
        LayerEvents events = new LayerEvents();
        Thread reader = Thread.ofVirtual().name("layer-reader").start(
                () -> new LayerReader(detectors, limits).read(layer, raw, label, events));
        List<Finding> findings = new ArrayList<>();
        List<FileAnalysis> analyses = new ArrayList<>();
        long entry = 0;
        boolean finished = false;
        try {
            while (true) {
                switch (events.take()) {
                    case LayerEvents.Entry e -> {
                        entry++;
                        analyses.clear();
                        for (FileDetector d : e.accepting()) {
                            analyses.add(d.analyze(e.entry()));
                        }
                        FileAnalysis nested = archives.analyze(e.entry(), 0);
                        if (nested != null) {
                            analyses.add(nested);
                        }
                        if (!wantsMore(analyses)) {
                            events.satisfyEntry(entry);
                        }
                    }
                    case LayerEvents.Chunk c -> {
                        boolean more = false;
                        for (FileAnalysis a : analyses) {
                            if (a.wantsMore()) {
                                a.update(c.data(), 0, c.length());
                                more |= a.wantsMore();
                            }
                        }
                        events.recycle(c.data());
                        if (!more) {
                            events.satisfyEntry(entry);
                        }
                    }
                    case LayerEvents.EndEntry ignored -> {
                        for (FileAnalysis a : analyses) {
                            a.finish(findings::add);
                        }
                        analyses.clear();
                    }
                    case LayerEvents.Failed f -> throw f.error();
                    case LayerEvents.Done d -> {
                        finished = true;
                        return new LayerReport(d.digest(), d.diffId(), d.compression(), d.storedBytes(),
                                d.uncompressedBytes(), d.entries(), findings, d.paths(), d.whiteouts(), d.opaqueDirs());
                    }
                }
            }
        } finally {
            if (!finished) {
                events.cancel();
                reader.interrupt();
            }
        }
    }

    private static boolean wantsMore(List<FileAnalysis> analyses) {
        for (FileAnalysis a : analyses) {
            if (a.wantsMore()) {
                return true;
            }
        }
        return false;
    }
}
