package dev.contraband.layer;

import dev.contraband.detect.FileAnalysis;
import dev.contraband.detect.FileDetector;
import dev.contraband.detect.Finding;
import dev.contraband.image.LayerDescriptor;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Streams one layer blob exactly once: a {@link LayerReader} on its own thread verifies, decompresses and parses it,
 * and lanes of detectors consume its entries and content chunk by chunk. Nothing is written to disk and nothing in
 * the layer is executed or followed. Findings are returned only once the reader has verified every byte: a layer
 * whose digest fails reports nothing.
 *
 * <p>With detectors of enough {@link FileDetector#cost() cost}, they are split over two lanes (each sees every
 * event, in order, and the buffers go back to the pool once both are done with them), so the detectors use the
 * second core too rather than one thread running them all in turn.
 */
public final class LayerWalker {
    private static final int TWO_LANES_FROM_COST = 4;
    private final List<FileDetector> detectors;
    private final List<Set<FileDetector>> lanes;
    private final ScanLimits limits;
    private final NestedArchives archives;

    public LayerWalker(List<FileDetector> detectors, ScanLimits limits) {
        this.detectors = List.copyOf(detectors);
        this.limits = limits;
        this.archives = new NestedArchives(this.detectors, limits, limits.maxArchiveDepth());
        this.lanes = lanes(this.detectors);
    }

    /** The heaviest detectors alone on a second lane when that balances the work; else one lane. */
    private static List<Set<FileDetector>> lanes(List<FileDetector> detectors) {
        int total = detectors.stream().mapToInt(FileDetector::cost).sum();
        if (detectors.size() < 2 || total < TWO_LANES_FROM_COST) {
            return List.of(Set.copyOf(detectors));
        }
        List<FileDetector> byCost = new ArrayList<>(detectors);
        byCost.sort((a, b) -> Integer.compare(b.cost(), a.cost()));
        java.util.Set<FileDetector> first = new java.util.HashSet<>();
        java.util.Set<FileDetector> second = new java.util.HashSet<>();
        int firstCost = 0;
        int secondCost = 0;
        for (FileDetector d : byCost) {
            if (secondCost <= firstCost) {
                second.add(d);
                secondCost += d.cost();
            } else {
                first.add(d);
                firstCost += d.cost();
            }
        }
        return first.isEmpty() ? List.of(Set.copyOf(detectors)) : List.of(Set.copyOf(first), Set.copyOf(second));
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
        LayerEvents events = new LayerEvents(lanes.size());
        Thread reader = Thread.ofVirtual().name("layer-reader").start(
                () -> new LayerReader(detectors, limits).read(layer, raw, label, events));
        FutureTask<List<Finding>> second = null;
        boolean finished = false;
        try {
            if (lanes.size() > 1) {
                Lane other = new Lane(1, lanes.get(1), events, false);
                second = new FutureTask<>(other::run);
                Thread.ofVirtual().name("layer-lane").start(second);
            }
            Lane first = new Lane(0, lanes.getFirst(), events, true);
            List<Finding> findings = new ArrayList<>(first.run());
            if (second != null) {
                findings.addAll(join(second));
            }
            LayerEvents.Done d = first.done;
            finished = true;
            return new LayerReport(d.digest(), d.diffId(), d.compression(), d.storedBytes(), d.uncompressedBytes(),
                    d.entries(), findings, d.paths(), d.whiteouts(), d.opaqueDirs());
        } finally {
            if (!finished) {
                events.cancel();
                reader.interrupt();
            }
        }
    }

    private static List<Finding> join(FutureTask<List<Finding>> lane) throws IOException {
        try {
            return lane.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while scanning a layer");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One lane: its detectors' analyses of each entry, fed every chunk in order. */
    private final class Lane {
        private final int index;
        private final Set<FileDetector> mine;
        private final LayerEvents events;
        private final boolean opensArchives;
        private final List<Finding> findings = new ArrayList<>();
        private final List<FileAnalysis> analyses = new ArrayList<>();
        private long entry;
        private LayerEvents.Done done;

        Lane(int index, Set<FileDetector> mine, LayerEvents events, boolean opensArchives) {
            this.index = index;
            this.mine = mine;
            this.events = events;
            this.opensArchives = opensArchives;
        }

        List<Finding> run() throws IOException {
            while (true) {
                switch (events.take(index)) {
                    case LayerEvents.Entry e -> {
                        entry++;
                        analyses.clear();
                        for (FileDetector d : e.accepting()) {
                            if (mine.contains(d)) {
                                analyses.add(d.analyze(e.entry()));
                            }
                        }
                        FileAnalysis nested = opensArchives ? archives.analyze(e.entry(), 0) : null;
                        if (nested != null) {
                            analyses.add(nested);
                        }
                        if (!wantsMore(analyses)) {
                            events.satisfyEntry(index, entry);
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
                            events.satisfyEntry(index, entry);
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
                        done = d;
                        return findings;
                    }
                }
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

    /** {@code ./usr//bin/} becomes {@code /usr/bin}; {@code ..} cannot climb above the root. */
    static String normalize(String name) {
        return LayerReader.normalize(name);
    }
}
