package dev.contraband.cli;

import dev.contraband.catalog.exec.Counters;

import java.io.PrintStream;

/**
 * The catalog scan's progress on stderr: one line rewritten every half second on a terminal, a plain line every
 * {@code interval} seconds otherwise (logs, CI), nothing in {@link Mode#NONE}.
 */
final class ProgressLine {
    enum Mode { TERMINAL, PLAIN, NONE }

    private final PrintStream err;
    private final Counters counters;
    private final Mode mode;
    private final long intervalMillis;
    private Thread thread;

    ProgressLine(PrintStream err, Counters counters, Mode mode, int intervalSeconds) {
        this.err = err;
        this.counters = counters;
        this.mode = mode;
        this.intervalMillis = mode == Mode.TERMINAL ? 500 : Math.max(1, intervalSeconds) * 1000L;
    }

    void start() {
        if (mode == Mode.NONE) {
            return;
        }
        thread = Thread.ofPlatform().daemon().name("catalog-progress").start(() -> {
            try {
                while (true) {
                    Thread.sleep(intervalMillis);
                    print();
                }
            } catch (InterruptedException e) {
                // stopped
            }
        });
    }

    private synchronized void print() {
        if (mode == Mode.TERMINAL) {
            err.print("\r\u001b[K" + counters.line());
        } else {
            err.println("contraband: " + counters.line());
        }
        err.flush();
    }

    synchronized void stop() {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        if (mode == Mode.TERMINAL) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
