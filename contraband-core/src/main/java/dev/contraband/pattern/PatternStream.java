package dev.contraband.pattern;

import com.gliwka.hyperscan.jni.hs_scratch_t;
import com.gliwka.hyperscan.jni.hs_stream_t;
import com.gliwka.hyperscan.jni.match_event_handler;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

import static com.gliwka.hyperscan.jni.hyperscan.HS_SCAN_TERMINATED;
import static com.gliwka.hyperscan.jni.hyperscan.HS_SUCCESS;
import static com.gliwka.hyperscan.jni.hyperscan.hs_close_stream;
import static com.gliwka.hyperscan.jni.hyperscan.hs_open_stream;
import static com.gliwka.hyperscan.jni.hyperscan.hs_scan_stream;

/**
 * Scans one file's bytes chunk by chunk in Hyperscan streaming mode, so a match that spans two chunks is found.
 * Owns a scratch space and a native buffer the chunks are copied into; both are reused for the next file.
 * Not thread-safe: one file at a time.
 */
public final class PatternStream implements AutoCloseable {
    /** Receives hits: the pattern id and the offset in the file just past the match's end. */
    @FunctionalInterface
    public interface HitSink {
        /** Returns false to stop scanning this file. */
        boolean hit(int patternId, long endOffset);
    }

    private static final int BUFFER = 64 << 10;
    private final PatternDatabase owner;
    private final hs_scratch_t scratch;
    private final BytePointer buffer = new BytePointer(BUFFER);
    private final Callback callback = new Callback();
    // Where hs_open_stream writes the new stream's address; made once, since each JavaCPP allocation registers a
    // deallocator (a measurable cost per file when it was made per stream).
    private final PointerPointer<hs_stream_t> opened = new PointerPointer<>(1);
    private hs_stream_t stream;
    private boolean stopped;

    /** The native callback: one per stream object, created once, since each creation allocates a native thunk. */
    private final class Callback extends match_event_handler {
        HitSink sink;

        @Override
        public int call(int id, long from, long to, int flags, Pointer context) {
            if (!sink.hit(id, to)) {
                stopped = true;
                return 1;
            }
            return 0;
        }
    }

    PatternStream(PatternDatabase owner, hs_scratch_t scratch) {
        this.owner = owner;
        this.scratch = scratch;
    }

    void start(HitSink sink) {
        callback.sink = sink;
        stopped = false;
        int rc = hs_open_stream(owner.database(), 0, opened);
        if (rc != HS_SUCCESS) {
            throw new IllegalStateException("hs_open_stream failed: " + rc);
        }
        stream = new hs_stream_t(opened.get(0));
    }

    /** Scans the next chunk of the file. */
    public void scan(byte[] chunk, int offset, int length) {
        while (length > 0 && !stopped) {
            int n = Math.min(length, BUFFER);
            buffer.position(0).put(chunk, offset, n);
            int rc = hs_scan_stream(stream, buffer, n, 0, scratch, callback, null);
            if (rc != HS_SUCCESS && rc != HS_SCAN_TERMINATED) {
                throw new IllegalStateException("hs_scan_stream failed: " + rc);
            }
            offset += n;
            length -= n;
        }
    }

    /** Whether the sink asked to stop. */
    public boolean stopped() {
        return stopped;
    }

    /** Ends the file (reporting matches that end at its last byte) and returns this scanner to its pool. */
    @Override
    public void close() {
        if (stream != null) {
            hs_close_stream(stream, scratch, stopped ? null : callback, null);
            stream = null;
            callback.sink = null;
            owner.release(this);
        }
    }
}
