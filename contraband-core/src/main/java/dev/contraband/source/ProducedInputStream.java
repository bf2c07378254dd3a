package dev.contraband.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An input stream whose bytes a producer writes on a virtual thread, through a bounded queue of chunks, so the
 * producer never runs ahead by more than {@code QUEUE * CHUNK} bytes. A producer failure surfaces on the reader's
 * next read; closing the reader stops the producer.
 */
final class ProducedInputStream extends InputStream {
    private static final int CHUNK = 256 << 10;
    private static final int QUEUE = 8;
    private static final byte[] END = new byte[0];

    /** Writes the stream's content to {@code out}. */
    @FunctionalInterface
    interface Producer {
        void produce(OutputStream out) throws IOException;
    }

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE);
    private volatile boolean closed;
    private volatile IOException failure;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    ProducedInputStream(Producer producer, String name) {
        Thread.ofVirtual().name(name).start(() -> {
            try (OutputStream out = new ChunkingOutputStream()) {
                producer.produce(out);
            } catch (IOException e) {
                failure = e;
                offer(END);
            } catch (RuntimeException e) {
                failure = new IOException(e.toString(), e);
                offer(END);
            }
        });
    }

    private boolean offer(byte[] chunk) {
        try {
            while (!closed) {
                if (queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private final class ChunkingOutputStream extends OutputStream {
        private byte[] buf = new byte[CHUNK];
        private int n;

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int k = Math.min(len, CHUNK - n);
                System.arraycopy(b, off, buf, n, k);
                n += k;
                off += k;
                len -= k;
                if (n == CHUNK) {
                    flushChunk();
                }
            }
        }

        private void flushChunk() throws IOException {
            if (n > 0) {
                byte[] chunk = n == CHUNK ? buf : java.util.Arrays.copyOf(buf, n);
                if (!offer(chunk)) {
                    throw new IOException("reader closed");
                }
                buf = new byte[CHUNK];
                n = 0;
            }
        }

        @Override
        public void close() throws IOException {
            flushChunk();
            offer(END);
        }
    }

    private boolean fill() throws IOException {
        while (pos >= current.length) {
            if (ended) {
                return false;
            }
            try {
                byte[] next = queue.take();
                if (next == END) {
                    ended = true;
                    if (failure != null) {
                        throw failure;
                    }
                    return false;
                }
                current = next;
                pos = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? current[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
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

    @Override
    public void close() {
        closed = true;
        queue.clear();
    }
}
