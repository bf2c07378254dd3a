package dev.contraband.registry.transport;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * When to try a request again and how long to wait: 429, 502, 503, 504 and broken connections, with exponential
 * backoff and full jitter (so many clients do not retry in step), and the server's {@code Retry-After} when it sends
 * one (capped, so a hostile server cannot park the scan for hours).
 *
 * @param retries  how many times a request is tried again after the first attempt
 * @param base     the first backoff; attempt n waits a random time in [0, base * 2^n], at most {@code max}
 * @param maxDelay the longest wait, also for {@code Retry-After}
 */
public record RetryPolicy(int retries, Duration base, Duration maxDelay, Sleeper sleeper, DoubleSupplier random,
                          Clock clock) {
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504);

    /** Waits; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(d);
    }

    public RetryPolicy {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be at least 0");
        }
    }

    public static RetryPolicy of(int retries) {
        return new RetryPolicy(retries, Duration.ofMillis(500), Duration.ofSeconds(60), Sleeper.REAL,
                () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble(), Clock.systemUTC());
    }

    public boolean retryableStatus(int status) {
        return RETRYABLE_STATUS.contains(status);
    }

    /**
     * Broken or reset connections and read timeouts are worth another try; a refused connection, an unknown host or
     * a TLS failure will not get better by waiting.
     */
    public boolean retryable(IOException e) {
        return !(e instanceof ConnectException && !(e instanceof HttpConnectTimeoutException))
                && !(e instanceof UnknownHostException) && !(e instanceof SSLException);
    }

    /** The wait before retry number {@code attempt + 1}. */
    public Duration delay(int attempt, Optional<String> retryAfter) {
        Optional<Duration> told = retryAfter.flatMap(v -> RetryAfter.parse(v, clock.instant()));
        if (told.isPresent()) {
            return told.get().compareTo(maxDelay) > 0 ? maxDelay : told.get();
        }
        long cap = Math.min(maxDelay.toMillis(), base.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis((long) (random.getAsDouble() * cap));
    }

    void sleep(Duration d) throws IOException {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting to retry");
        }
    }
}
