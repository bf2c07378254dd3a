package dev.contraband.cli;

/** The exit codes of the report contract. */
final class ExitCodes {
    /** No finding at or above {@code --fail-on}. */
    static final int CLEAN = 0;
    /** At least one finding at or above {@code --fail-on}. */
    static final int FINDINGS = 1;
    /** The scan could not be done: bad input, unreadable image, bad flag. */
    static final int ERROR = 2;

    private ExitCodes() {
    }
}
