package dev.contraband.pattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scans one file chunk by chunk with a {@link PatternDatabase} and hands each hit to a {@link Resolver} together
 * with a window of bytes around it: up to {@code before} bytes before the hit's end (kept from earlier chunks when
 * needed) and up to {@code after} bytes after it (the hit waits for the next chunk when they are not there yet).
 * For the patterns {@code windowed} accepts, one resolution covers its whole window (the resolver searches it),
 * so a hit of such a pattern that ends inside the window of its previous hit is not resolved again; every hit of
 * the other patterns is resolved. Memory is bounded by the kept tail and a capped list of pending hits.
 */
public final class WindowedScan implements PatternStream.HitSink, AutoCloseable {
    /** Decides what a hit means; returns false to stop scanning the file. */
    @FunctionalInterface
    public interface Resolver {
        boolean resolve(int patternId, long end, Window window);
    }

    /** The bytes around a hit: {@code bytes[0]} is file offset {@code start}. */
    public record Window(long start, byte[] bytes) {
        public long end() {
            return start + bytes.length;
        }
    }

    private static final int MAX_PENDING = 20_000;
    private final Resolver resolver;
    private final java.util.function.IntPredicate windowed;
    private final int before;
    private final int after;
    private final long[] resolvedUpTo;
    private final List<long[]> pending = new ArrayList<>();
    private PatternStream stream;
    private byte[] tail = new byte[0];
    private long tailStart;
    private byte[] chunk = new byte[0];
    private int chunkOff;
    private int chunkLen;
    private long chunkStart;
    private boolean stopped;

    public WindowedScan(PatternDatabase database, int before, int after, Resolver resolver) {
        this(database, before, after, id -> true, resolver);
    }

    public WindowedScan(PatternDatabase database, int before, int after, java.util.function.IntPredicate windowed,
                        Resolver resolver) {
        this.windowed = windowed;
        this.resolver = resolver;
        this.before = before;
        this.after = after;
        this.resolvedUpTo = new long[database.size()];
        Arrays.fill(resolvedUpTo, -1);
        this.stream = database.open(this);
    }

    @Override
    public boolean hit(int patternId, long endOffset) {
        if (endOffset > resolvedUpTo[patternId] && pending.size() < MAX_PENDING) {
            pending.add(new long[]{patternId, endOffset});
        }
        return !stopped;
    }

    /** Whether the resolver asked to stop. */
    public boolean stopped() {
        return stopped;
    }

    public void update(byte[] data, int off, int len) {
        if (stream == null || stopped || len == 0) {
            return;
        }
        chunk = data;
        chunkOff = off;
        chunkLen = len;
        stream.scan(data, off, len);
        resolve(false);
        keepTail();
    }

    /** Ends the file: resolves the hits still waiting for bytes after them. */
    @Override
    public void close() {
        if (stream != null) {
            chunk = new byte[0];
            chunkOff = 0;
            chunkLen = 0;
            stream.close();
            stream = null;
            resolve(true);
        }
    }

    private void resolve(boolean atEnd) {
        long available = chunkStart + chunkLen;
        List<long[]> later = new ArrayList<>();
        for (long[] h : pending) {
            int id = (int) h[0];
            long end = h[1];
            if (stopped) {
                break;
            }
            if (!atEnd && end + after > available) {
                later.add(h);
            } else if (end > resolvedUpTo[id]) {
                long from = Math.max(end - before, tailStart);
                long to = Math.min(end + after, available);
                if (windowed.test(id)) {
                    resolvedUpTo[id] = to;
                }
                if (!resolver.resolve(id, end, new Window(from, bytes(from, to)))) {
                    stopped = true;
                }
            }
        }
        pending.clear();
        pending.addAll(later);
    }

    private byte[] bytes(long from, long to) {
        byte[] out = new byte[(int) (to - from)];
        copy(from, out);
        return out;
    }

    /** Fills {@code out} with the bytes from file offset {@code from}: the kept tail, then the current chunk. */
    private void copy(long from, byte[] out) {
        int n = 0;
        while (n < out.length) {
            long at = from + n;
            boolean inTail = at < chunkStart;
            byte[] src = inTail ? tail : chunk;
            int index = inTail ? (int) (at - tailStart) : chunkOff + (int) (at - chunkStart);
            int count = inTail ? Math.min(out.length - n, tail.length - index) : out.length - n;
            System.arraycopy(src, index, out, n, count);
            n += count;
        }
    }

    /**
     * Keeps the last {@code before + after} bytes seen: a hit waiting for the bytes after it still needs the
     * {@code before} bytes ahead of it when they arrive.
     */
    private void keepTail() {
        long end = chunkStart + chunkLen;
        int keep = (int) Math.min((long) before + after, end - tailStart);
        byte[] kept = new byte[keep];
        copy(end - keep, kept);
        tail = kept;
        tailStart = end - keep;
        chunkStart = end;
        chunkLen = 0;
    }
}
