package dev.contraband.registry.transport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A read timeout for response bodies, which {@code java.net.http} does not have (its request timeout ends when the
 * headers arrive): a watchdog closes the stream when a read waits longer than the timeout, and the blocked read then
 * fails with {@link HttpTimeoutException}, which the retry and resume logic treat as a broken connection.
 */
final class ReadTimeoutInputStream extends FilterInputStream {
    private final long timeoutNanos;
    private final ScheduledFuture<?> watchdog;
    private volatile long readStarted;
    private volatile boolean timedOut;

    ReadTimeoutInputStream(InputStream in, Duration timeout, ScheduledExecutorService scheduler) {
        super(in);
        this.timeoutNanos = timeout.toNanos();
        long period = Math.max(50, timeout.toMillis() / 4);
        this.watchdog = scheduler.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    private void check() {
        long started = readStarted;
        if (started != 0 && System.nanoTime() - started > timeoutNanos) {
            timedOut = true;
            try {
                in.close();
            } catch (IOException ignored) {
                // the read that is blocked fails either way
            }
            watchdog.cancel(false);
        }
    }

    private IOException translate(IOException e) {
        return timedOut ? new HttpTimeoutException("no data received for " + timeoutNanos / 1_000_000_000 + " s") : e;
    }

    @Override
    public int read() throws IOException {
        readStarted = System.nanoTime();
        try {
            int b = super.read();
            if (timedOut) {
                throw translate(null);
            }
            return b;
        } catch (IOException e) {
            throw translate(e);
        } finally {
            readStarted = 0;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        readStarted = System.nanoTime();
        try {
            int n = super.read(b, off, len);
            if (timedOut) {
                throw translate(null);
            }
            return n;
        } catch (IOException e) {
            throw translate(e);
        } finally {
            readStarted = 0;
        }
    }

    @Override
    public void close() throws IOException {
        watchdog.cancel(false);
        super.close();
    }
}
