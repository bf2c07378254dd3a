package dev.contraband.detect;

import java.util.function.Consumer;

/**
 * One detector's look at one file. The layer walker pushes the file's content through {@link #update} chunk by
 * chunk (the bytes are streamed once, for all detectors together), then calls {@link #finish}.
 */
public interface FileAnalysis {
    /** The next chunk of content; the array is reused after the call returns. */
    void update(byte[] chunk, int offset, int length);

    /** False once this analysis has seen enough; when no analysis wants more, the walker skips the rest. */
    default boolean wantsMore() {
        return true;
    }

    /** Called once, after the last chunk or once no more is wanted. */
    void finish(Consumer<Finding> findings);

    /** An analysis that needs no content: it reports what it already knows at finish. */
    static FileAnalysis metadataOnly(Consumer<Consumer<Finding>> report) {
        return new FileAnalysis() {
            @Override
            public void update(byte[] chunk, int offset, int length) {
            }

            @Override
            public boolean wantsMore() {
                return false;
            }

            @Override
            public void finish(Consumer<Finding> findings) {
                report.accept(findings);
            }
        };
    }
}
