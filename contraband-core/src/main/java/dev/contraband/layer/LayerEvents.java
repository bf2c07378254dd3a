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

    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE);
    private final BlockingQueue<byte[]> pool = new ArrayBlockingQueue<>(BUFFERS);
    private volatile boolean cancelled;
    /** Set by the walker once no analysis of the current entry wants more content. */
    private boolean entrySatisfied;
    /** How many entries the reader has sent; the walker counts the entries it takes the same way. */
    private long entries;

    LayerEvents() {
        for (int i = 0; i < BUFFERS; i++) {
            pool.add(new byte[CHUNK]);
        }
    }

    void put(Event e) {
        if (e instanceof Entry) {
            synchronized (this) {
                entries++;
                entrySatisfied = false;
            }
        }
        try {
            while (!queue.offer(e, 50, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    throw new Cancelled();
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }

    Event take() throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading a layer");
        }
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

    void recycle(byte[] buffer) {
        pool.offer(buffer);
    }

    synchronized boolean entrySatisfied() {
        return entrySatisfied || cancelled;
    }

    /**
     * The walker wants no more of its entry number {@code entry} (1 for the first). The walker runs behind the
     * reader, so a late word about an earlier entry must not stop the reading of the current one.
     */
    synchronized void satisfyEntry(long entry) {
        if (entry == entries) {
            entrySatisfied = true;
        }
    }

    void cancel() {
        cancelled = true;
        queue.clear();
    }
}
