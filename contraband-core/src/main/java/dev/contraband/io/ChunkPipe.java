package dev.contraband.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Bytes pushed by one thread, read as an {@link InputStream} by another, through a bounded queue of copied chunks
 * (at most {@code QUEUE} in flight, so memory stays bounded whatever flows through). A writer's failure reaches the
 * reader at the end of the bytes that came before it; once the reader is done, writes are dropped instead of
 * blocking.
 */
public final class ChunkPipe extends InputStream {
    /** Writes the content of a produced stream. */
    @FunctionalInterface
    public interface Producer {
        void produce(OutputStream out) throws IOException;
    }

    private static final int QUEUE = 8;
    private static final int PRODUCER_CHUNK = 256 << 10;
    private static final byte[] END = new byte[0];
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE);
    private volatile boolean readerGone;
    private volatile IOException failure;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    /** A stream whose bytes {@code producer} writes on a virtual thread of its own. */
    public static ChunkPipe produce(Producer producer, String threadName) {
        ChunkPipe pipe = new ChunkPipe();
        Thread.ofVirtual().name(threadName).start(() -> {
            try (OutputStream out = new java.io.BufferedOutputStream(pipe.writer(), PRODUCER_CHUNK)) {
                producer.produce(out);
            } catch (IOException e) {
                pipe.fail(e);
            } catch (RuntimeException e) {
                pipe.fail(new IOException(e.toString(), e));
            }
            pipe.finishWriting();
        });
        return pipe;
    }

    /** Copies {@code len} bytes into the pipe. */
    public void write(byte[] b, int off, int len) {
        if (len > 0) {
            offer(Arrays.copyOfRange(b, off, off + len));
        }
    }

    /** No more bytes will come. */
    public void finishWriting() {
        offer(END);
    }

    /** The bytes end with this failure, which the reader meets once it has read what came before. */
    public void fail(IOException e) {
        failure = e;
        finishWriting();
    }

    /** The reader wants nothing more; later writes are dropped. */
    public void readerDone() {
        readerGone = true;
        queue.clear();
    }

    public boolean readerGone() {
        return readerGone;
    }

    private OutputStream writer() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (readerGone) {
                    throw new IOException("reader closed");
                }
                ChunkPipe.this.write(b, off, len);
            }
        };
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
        readerDone();
    }
}
