package dev.contraband.layer;

import dev.contraband.detect.FileDetector;
import dev.contraband.detect.FileEntry;
import dev.contraband.image.Digest;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bounded hand-off between a {@link LayerReader} and the walker: events in order, and a pool of content
 * buffers, so at most {@code QUEUE} events and {@code BUFFERS} chunks are ever in flight whatever the layer size.
 */
final class LayerEvents {
    static final int CHUNK = 64 << 10;
    private static final int QUEUE = 64;
    private static final int BUFFERS = 16;

    sealed interface Event permits Entry, Chunk, EndEntry, Done, Failed {
    }

    /** A file some detectors accept; its content chunks (regular files only) and {@link #END_ENTRY} follow. */
    record Entry(FileEntry entry, List<FileDetector> accepting) implements Event {
    }

    /** Content of the current entry; the walker gives {@code data} back with {@link #recycle}. */
    record Chunk(byte[] data, int length) implements Event {
    }

    record EndEntry() implements Event {
    }

    static final EndEntry END_ENTRY = new EndEntry();

    /** The layer was read to the end and both digests verified. */
    record Done(Digest digest, Digest diffId, Compression compression, long storedBytes, long uncompressedBytes,
                int entries, Set<String> paths, Set<String> whiteouts, Set<String> opaqueDirs) implements Event {
    }

    record Failed(IOException error) implements Event {
    }

    /** Thrown in the reader when the walker has stopped listening. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private final List<BlockingQueue<Event>> lanes = new java.util.ArrayList<>();
    private final BlockingQueue<byte[]> pool = new ArrayBlockingQueue<>(BUFFERS);
    private final java.util.Map<byte[], java.util.concurrent.atomic.AtomicInteger> holders =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final boolean[] satisfied;
    /** How many entries the reader has sent; a lane counts the entries it takes the same way. */
    private long entries;
    private volatile boolean cancelled;

    /** A hand-off to {@code laneCount} walker lanes; each sees every event, in order. */
    LayerEvents(int laneCount) {
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new ArrayBlockingQueue<>(QUEUE));
        }
        satisfied = new boolean[laneCount];
        for (int i = 0; i < BUFFERS; i++) {
            pool.add(new byte[CHUNK]);
        }
    }

    LayerEvents() {
        this(1);
    }

    void put(Event e) {
        if (e instanceof Entry) {
            synchronized (satisfied) {
                entries++;
                java.util.Arrays.fill(satisfied, false);
            }
        } else if (e instanceof Chunk c && lanes.size() > 1) {
            holders.put(c.data(), new java.util.concurrent.atomic.AtomicInteger(lanes.size()));
        }
        try {
            for (BlockingQueue<Event> lane : lanes) {
                while (!lane.offer(e, 50, TimeUnit.MILLISECONDS)) {
                    if (cancelled) {
                        throw new Cancelled();
                    }
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }

    Event take(int lane) throws IOException {
        try {
            Event e;
            while ((e = lanes.get(lane).poll(50, TimeUnit.MILLISECONDS)) == null) {
                if (cancelled) {
                    throw new java.io.InterruptedIOException("layer walk cancelled");
                }
            }
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading a layer");
        }
    }

    Event take() throws IOException {
        return take(0);
    }

    byte[] buffer() {
        try {
            byte[] b;
            while ((b = pool.poll(50, TimeUnit.MILLISECONDS)) == null) {
                if (cancelled) {
                    throw new Cancelled();
                }
            }
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }

    /** A lane is done with a chunk; the buffer goes back to the pool once every lane is. */
    void recycle(byte[] buffer) {
        java.util.concurrent.atomic.AtomicInteger left = holders.get(buffer);
        if (left == null || left.decrementAndGet() == 0) {
            holders.remove(buffer);
            pool.offer(buffer);
        }
    }

    /** Whether no lane wants more of the current entry's content. */
    boolean entrySatisfied() {
        if (cancelled) {
            return true;
        }
        synchronized (satisfied) {
            for (boolean s : satisfied) {
                if (!s) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Lane {@code lane} wants no more of its entry number {@code entry} (1 for the first). A lane runs behind the
     * reader, so a late word about an earlier entry must not stop the reading of the current one.
     */
    void satisfyEntry(int lane, long entry) {
        synchronized (satisfied) {
            if (entry == entries) {
                satisfied[lane] = true;
            }
        }
    }

    void cancel() {
        cancelled = true;
        lanes.forEach(BlockingQueue::clear);
    }
}
