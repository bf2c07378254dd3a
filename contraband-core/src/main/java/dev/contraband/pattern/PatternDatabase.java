package dev.contraband.pattern;

import com.gliwka.hyperscan.jni.hs_compile_error_t;
import com.gliwka.hyperscan.jni.hs_database_t;
import com.gliwka.hyperscan.jni.hs_scratch_t;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static com.gliwka.hyperscan.jni.hyperscan.HS_FLAG_ALLOWEMPTY;
import static com.gliwka.hyperscan.jni.hyperscan.HS_FLAG_PREFILTER;
import static com.gliwka.hyperscan.jni.hyperscan.HS_FLAG_SINGLEMATCH;
import static com.gliwka.hyperscan.jni.hyperscan.HS_MODE_STREAM;
import static com.gliwka.hyperscan.jni.hyperscan.HS_SUCCESS;
import static com.gliwka.hyperscan.jni.hyperscan.hs_alloc_scratch;
import static com.gliwka.hyperscan.jni.hyperscan.hs_compile_multi;
import static com.gliwka.hyperscan.jni.hyperscan.hs_free_compile_error;

/**
 * Every pattern of every rule compiled once into one Hyperscan database in streaming mode. Patterns are compiled
 * with {@code HS_FLAG_PREFILTER}, so constructs Hyperscan cannot run exactly (back-references, look-arounds) are
 * approximated by a superset: a hit means "this rule may match here", and the rule's {@link java.util.regex.Pattern}
 * then decides on a small window of bytes around it. Thread-safe; scratch spaces are pooled, one per scanning thread
 * at a time.
 */
public final class PatternDatabase {
    static {
        Loader.load(com.gliwka.hyperscan.jni.hyperscan.class);
    }

    private final hs_database_t database;
    private final int size;
    private final ConcurrentLinkedQueue<PatternStream> idle = new ConcurrentLinkedQueue<>();

    private PatternDatabase(hs_database_t database, int size) {
        this.database = database;
        this.size = size;
    }

    /**
     * Compiles {@code regexes}; pattern {@code i} reports id {@code i}. The regexes use PCRE syntax with inline flags
     * such as {@code (?i)}.
     *
     * @throws IllegalArgumentException naming the pattern Hyperscan refused, and why
     */
    public static PatternDatabase compile(List<String> regexes) {
        return compile(regexes, java.util.Set.of());
    }

    /**
     * Compiles {@code regexes} like {@link #compile(List)}; the patterns whose ids are in {@code singleMatch} report
     * only their first match in a stream ({@code HS_FLAG_SINGLEMATCH}): enough for "does this file contain X",
     * and much cheaper for literals that occur often.
     */
    public static PatternDatabase compile(List<String> regexes, java.util.Set<Integer> singleMatch) {
        int n = regexes.size();
        if (n == 0) {
            throw new IllegalArgumentException("no patterns to compile");
        }
        int flagBits = HS_FLAG_PREFILTER | HS_FLAG_ALLOWEMPTY;
        List<String> keyed = regexes;
        if (!singleMatch.isEmpty()) {
            keyed = new java.util.ArrayList<>(regexes);
            keyed.add("\u0000single-match:" + new java.util.TreeSet<>(singleMatch));
        }
        String key = DatabaseCache.key(keyed, flagBits, HS_MODE_STREAM);
        hs_database_t cached = DatabaseCache.load(key);
        if (cached != null) {
            return new PatternDatabase(cached, n);
        }
        PointerPointer<Pointer> expressions = new PointerPointer<>(n);
        IntPointer flags = new IntPointer(n);
        IntPointer ids = new IntPointer(n);
        for (int i = 0; i < n; i++) {
            byte[] utf8 = (regexes.get(i) + "\0").getBytes(StandardCharsets.UTF_8);
            expressions.put(i, new org.bytedeco.javacpp.BytePointer(utf8));
            flags.put(i, flagBits | (singleMatch.contains(i) ? HS_FLAG_SINGLEMATCH : 0));
            ids.put(i, i);
        }
        PointerPointer<hs_database_t> db = new PointerPointer<>(1);
        PointerPointer<hs_compile_error_t> error = new PointerPointer<>(1);
        int rc = hs_compile_multi(expressions, flags, ids, n, HS_MODE_STREAM, null, db, error);
        if (rc != HS_SUCCESS) {
            hs_compile_error_t e = new hs_compile_error_t(error.get(0));
            String message = e.message().getString();
            int expression = e.expression();
            hs_free_compile_error(e);
            throw new IllegalArgumentException("pattern " + (expression >= 0 ? "\"" + regexes.get(expression) + "\" " : "")
                    + "cannot be compiled: " + message);
        }
        hs_database_t compiled = new hs_database_t(db.get(0));
        DatabaseCache.store(key, compiled);
        return new PatternDatabase(compiled, n);
    }

    public int size() {
        return size;
    }

    /** A stream scanner for one file, from the pool; {@link PatternStream#close()} gives it back. */
    public PatternStream open(PatternStream.HitSink sink) {
        PatternStream s = idle.poll();
        if (s == null) {
            s = new PatternStream(this, newScratch());
        }
        s.start(sink);
        return s;
    }

    void release(PatternStream s) {
        idle.add(s);
    }

    hs_database_t database() {
        return database;
    }

    private hs_scratch_t newScratch() {
        PointerPointer<hs_scratch_t> scratch = new PointerPointer<>(1);
        scratch.put(0, (Pointer) null); // hs_alloc_scratch reads *scratch: NULL asks for a new one
        int rc = hs_alloc_scratch(database, scratch);
        if (rc != HS_SUCCESS) {
            throw new IllegalStateException("hs_alloc_scratch failed: " + rc);
        }
        return new hs_scratch_t(scratch.get(0));
    }
}
