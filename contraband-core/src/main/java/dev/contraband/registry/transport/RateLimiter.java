package dev.contraband.registry.transport;

import java.io.InterruptedIOException;

/**
 * A token bucket: at most {@code perSecond} requests a second on average, with bursts of up to one second's worth.
 * One limiter a registry host, so a catalog scan stays under Docker Hub's limits whatever else runs.
 */
final class RateLimiter {
    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long last;

    /** @param perSecond requests a second; 0 or less means unlimited */
    RateLimiter(double perSecond) {
        this.perSecond = perSecond;
        this.capacity = Math.max(1, perSecond);
        this.tokens = capacity;
        this.last = System.nanoTime();
    }

    void acquire() throws InterruptedIOException {
        if (perSecond <= 0) {
            return;
        }
        long waitNanos = reserve(System.nanoTime());
        if (waitNanos > 0) {
            try {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the rate limit");
            }
        }
    }

    /** Takes a token (possibly going into debt) and says how long the caller must wait for it. */
    synchronized long reserve(long now) {
        tokens = Math.min(capacity, tokens + (now - last) / 1e9 * perSecond);
        last = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) (-tokens / perSecond * 1e9);
    }
}
