package dev.contraband.catalog.exec;

import java.util.concurrent.atomic.AtomicLong;

/** Live numbers of one run, read by the progress line. */
public final class Counters {
    public final long startNanos = System.nanoTime();
    /** Images in the store at the start of the scan phase that still need work, plus those done before. */
    public final AtomicLong imagesTotal = new AtomicLong();
    public final AtomicLong imagesDoneBefore = new AtomicLong();
    public final AtomicLong imagesPlanned = new AtomicLong();
    public final AtomicLong imagesDone = new AtomicLong();
    public final AtomicLong imagesFailed = new AtomicLong();
    public final AtomicLong layersScanned = new AtomicLong();
    public final AtomicLong layersReused = new AtomicLong();
    public final AtomicLong bytesScanned = new AtomicLong();
    /** Stored bytes of the layers this run still has to scan, as far as known (for the ETA). */
    public final AtomicLong bytesToScan = new AtomicLong();
    public volatile String phase = "listing";

    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** One line: images done/total, layers scanned/reused, bytes, rate, ETA, errors. */
    public String line() {
        long done = imagesDone.get() + imagesFailed.get();
        long todo = Math.max(0, imagesTotal.get() - imagesDoneBefore.get());
        double s = Math.max(seconds(), 1e-3);
        long bytes = bytesScanned.get();
        double mbps = bytes / 1e6 / s;
        double perMin = imagesDone.get() * 60 / s;
        String eta = "-";
        if (done > 0 && todo > done) {
            double rest = (todo - done) * (s / done);
            eta = format((long) rest);
        }
        return String.format(java.util.Locale.ROOT,
                "%s: images %d/%d, layers %d scanned %d reused, %s, %.1f MB/s, %.0f images/min, ETA %s, %d failed",
                phase, done, todo, layersScanned.get(), layersReused.get(), size(bytes), mbps, perMin, eta,
                imagesFailed.get());
    }

    static String format(long seconds) {
        return seconds >= 3600 ? String.format("%dh%02dm", seconds / 3600, seconds / 60 % 60)
                : seconds >= 60 ? String.format("%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }

    static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : bytes >= 1L << 20 ? String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20))
                : String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
