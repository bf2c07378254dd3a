package dev.contraband.layer;

import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Bytes pushed by one thread, read as an {@link InputStream} by another, through a bounded queue of copied chunks
 * (at most {@code QUEUE} in flight). When the reader stops early, writes are dropped rather than blocking.
 */
final class ChunkPipe extends InputStream {
    private static final int QUEUE = 8;
    private static final byte[] END = new byte[0];
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE);
    private volatile boolean readerGone;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    void write(byte[] b, int off, int len) {
        offer(Arrays.copyOfRange(b, off, off + len));
    }

    /** No more bytes will come. */
    void finishWriting() {
        offer(END);
    }

    private void offer(byte[] chunk) {
        try {
            while (!readerGone && !queue.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
                // wait for the reader, unless it has finished
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void readerDone() {
        readerGone = true;
        queue.clear();
    }

    boolean readerGone() {
        return readerGone;
    }

    private boolean fill() {
        while (pos >= current.length) {
            if (ended) {
                return false;
            }
            try {
                byte[] next = queue.take();
                if (next == END) {
                    ended = true;
                    return false;
                }
                current = next;
                pos = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ended = true;
                return false;
            }
        }
        return true;
    }

    @Override
    public int read() {
        return fill() ? current[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int k = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, k);
        pos += k;
        return k;
    }
}
