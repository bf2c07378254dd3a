package dev.contraband.detect.secret;

import dev.contraband.detect.OpaqueContent;
import dev.contraband.pattern.PatternStream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Scans one file's bytes, chunk by chunk: Hyperscan reports where a rule may match; each hit is resolved by the
 * rule's regex on a window of bytes around it — kept from earlier chunks when the match straddles them — and the
 * candidate secret goes through the rule's filters. Memory is bounded: the window tail, pending hits of one
 * chunk, and at most {@code maxFindingsPerFile} candidates.
 */
public final class SecretScan implements PatternStream.HitSink {
    /** A secret found: the rule, where it starts, its line (null in binaries) and its value. */
    public record Candidate(SecretRule rule, long start, Integer line, String secret) {
    }

    private record Hit(int rule, long end) {
    }

    private static final int MAX_HITS_PER_CHUNK = 20_000;
    private final SecretMatcher matcher;
    private final String path;
    private final boolean[] applies;
    private final long[] resolvedUpTo;
    private final List<Hit> pending = new ArrayList<>();
    private final Map<String, Candidate> candidates = new LinkedHashMap<>();
    private final BitSet applicablePathRules;
    private final List<PatternStream> streams = new ArrayList<>(2);
    private byte[] tail = new byte[0];
    private long tailStart;
    private long tailLines;
    private byte[] chunk;
    private int chunkOff;
    private int chunkLen;
    private long chunkStart;
    private boolean first = true;
    private boolean binary;
    private boolean full;

    SecretScan(SecretMatcher matcher, String path) {
        this.matcher = matcher;
        this.path = path;
        List<SecretRule> rules = matcher.regexRules();
        this.applies = new boolean[rules.size()];
        BitSet pathRules = new BitSet();
        Arrays.fill(applies, true);
        for (int i : matcher.rulesWithPaths()) {
            applies[i] = rules.get(i).appliesTo(path);
            if (applies[i]) {
                pathRules.set(i);
            }
        }
        this.applicablePathRules = pathRules;
        this.resolvedUpTo = new long[rules.size()];
        Arrays.fill(resolvedUpTo, -1);
    }

    /** Opens the streams once the first bytes tell whether the content is binary, which decides the engine. */
    private void open() {
        List<SecretMatcher.Engine> engines = new ArrayList<>(2);
        if (matcher.base(binary) != null) {
            engines.add(matcher.base(binary));
        }
        if (!applicablePathRules.isEmpty()) {
            engines.add(matcher.forPathRules(applicablePathRules));
        }
        for (SecretMatcher.Engine e : engines) {
            int[] ids = e.rules();
            streams.add(e.database().open((id, end) -> hit(ids[id], end)));
        }
    }

    /** Whether a NUL byte in the first block marked the content as binary (only high-confidence rules report). */
    public boolean binary() {
        return binary;
    }

    public boolean wantsMore() {
        return (first || !streams.isEmpty()) && !full;
    }

    /** A hit of rule {@code patternId} (an index into the matcher's regex rules). */
    @Override
    public boolean hit(int patternId, long endOffset) {
        if (!applies[patternId] || endOffset <= resolvedUpTo[patternId]
                || binary && !matcher.regexRules().get(patternId).highConfidence()) {
            return true;
        }
        if (pending.size() < MAX_HITS_PER_CHUNK) {
            pending.add(new Hit(patternId, endOffset));
        }
        return true;
    }

    public void update(byte[] data, int off, int len) {
        if (full || len == 0) {
            return;
        }
        if (first) {
            first = false;
            if (OpaqueContent.opaque(path, data, off, len)) {
                // Compressed data, translation catalogs, apt indexes: no readable secret in them, and no stream
                // opened, so once every detector declines the walker stops reading the file at all.
                return;
            }
            for (int i = off; i < off + Math.min(len, 8192); i++) {
                if (data[i] == 0) {
                    binary = true;
                    break;
                }
            }
            open();
        }
        if (streams.isEmpty()) {
            return;
        }
        chunk = data;
        chunkOff = off;
        chunkLen = len;
        for (PatternStream stream : streams) {
            stream.scan(data, off, len);
        }
        resolve(false);
        advanceTail();
    }

    /** Ends the scan and returns the secrets found, in file order. */
    public List<Candidate> finish() {
        if (!streams.isEmpty()) {
            chunk = new byte[0];
            chunkOff = 0;
            chunkLen = 0;
            streams.forEach(PatternStream::close);
            streams.clear();
            resolve(true);
        }
        return fold(new ArrayList<>(candidates.values()));
    }

    /**
     * One secret, one finding: where a generic rule's candidate overlaps a provider rule's (a token inside
     * {@code PASSWORD="…"}), the provider rule keeps it. Other overlaps (a private key inside a service-account
     * JSON) are different findings: both are worth reporting.
     */
    static List<Candidate> fold(List<Candidate> all) {
        all.sort(java.util.Comparator.comparingLong(Candidate::start));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : all) {
            Candidate last = kept.isEmpty() ? null : kept.getLast();
            if (last != null && c.start() < end(last) && last.rule() != c.rule() && sameSecret(c, last)) {
                if (better(c, last)) {
                    kept.set(kept.size() - 1, c);
                }
            } else {
                kept.add(c);
            }
        }
        return List.copyOf(kept);
    }

    /**
     * Overlapping candidates are one secret when exactly one comes from a generic rule: the provider rule says
     * more. Two specific rules on the same text (a JWT in an Authorization header) both report: each names a fact.
     */
    private static boolean sameSecret(Candidate a, Candidate b) {
        return generic(a) != generic(b);
    }

    private static boolean generic(Candidate c) {
        return c.rule().id().startsWith(SecretRuleLoader.ID_PREFIX + "generic-");
    }

    private static long end(Candidate c) {
        return c.start() + c.secret().length();
    }

    private static boolean better(Candidate a, Candidate b) {
        int byRank = Integer.compare(rank(a), rank(b));
        if (byRank != 0) {
            return byRank > 0;
        }
        if (a.rule().severity() != b.rule().severity()) {
            return a.rule().severity().atLeast(b.rule().severity());
        }
        return a.secret().length() > b.secret().length();
    }

    /** How specific a rule is: generic assignment < context rule < fixed-prefix rule < rule with a validator. */
    private static int rank(Candidate c) {
        if (generic(c)) {
            return 0;
        }
        return 1 + (c.rule().highConfidence() ? 1 : 0) + (c.rule().validator() != null ? 2 : 0);
    }


    private long available() {
        return chunkStart + chunkLen;
    }

    private void resolve(boolean atEnd) {
        if (pending.isEmpty()) {
            return; // the usual case: most chunks hold no hit at all
        }
        List<Hit> later = new ArrayList<>();
        for (Hit h : pending) {
            if (!atEnd && h.end + matcher.regexRules().get(h.rule).windowAfter() > available()) {
                later.add(h);
            } else if (h.end > resolvedUpTo[h.rule]) {
                resolveHit(h);
            }
        }
        pending.clear();
        pending.addAll(later);
    }

    private void resolveHit(Hit h) {
        SecretRule rule = matcher.regexRules().get(h.rule);
        long from = Math.max(h.end - rule.windowBefore(), tailStart);
        long to = Math.min(h.end + rule.windowAfter(), available());
        byte[] window = bytes(from, to);
        resolvedUpTo[h.rule] = to;
        // ISO-8859-1 maps bytes to chars one to one, so offsets in the string are offsets in the file.
        String text = new String(window, StandardCharsets.ISO_8859_1);
        Matcher m = rule.regex().matcher(text);
        while (m.find()) {
            String secret = m.group(rule.secretGroup());
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            long start = from + m.start();
            String key = h.rule + ":" + start;
            Candidate old = candidates.get(key);
            if (old != null && old.secret().length() >= secret.length()) {
                continue;
            }
            if (!SecretFilters.accept(rule, secret)) {
                continue;
            }
            if (old == null && candidates.size() >= matcher.maxFindingsPerFile()) {
                full = true;
                return;
            }
            candidates.put(key, new Candidate(rule, start, binary ? null : lineOf(start), secret));
        }
    }

    /** Bytes [from, to) of the file, from the kept tail and the current chunk. */
    private byte[] bytes(long from, long to) {
        byte[] out = new byte[(int) (to - from)];
        int n = 0;
        for (long i = from; i < to; ) {
            if (i < chunkStart) {
                int at = (int) (i - tailStart);
                int k = (int) Math.min(tail.length - at, to - i);
                System.arraycopy(tail, at, out, n, k);
                n += k;
                i += k;
            } else {
                int at = (int) (i - chunkStart);
                int k = (int) (to - i);
                System.arraycopy(chunk, chunkOff + at, out, n, k);
                n += k;
                i += k;
            }
        }
        return out;
    }

    private int lineOf(long offset) {
        long lines = tailLines;
        for (long i = tailStart; i < offset; i++) {
            byte b = i < chunkStart ? tail[(int) (i - tailStart)] : chunk[chunkOff + (int) (i - chunkStart)];
            if (b == '\n') {
                lines++;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, lines + 1);
    }

    /** Keeps the last MAX_WINDOW bytes seen, and the count of lines before them. */
    private void advanceTail() {
        long end = available();
        long newStart = Math.max(tailStart, end - SecretMatcher.MAX_WINDOW);
        if (!binary && newStart > tailStart) {
            // Count the newlines of the bytes that leave the window, with plain loops over each array.
            int fromTail = (int) Math.min(tail.length, newStart - tailStart);
            tailLines += newlines(tail, 0, fromTail);
            if (newStart > chunkStart) {
                tailLines += newlines(chunk, chunkOff, (int) (newStart - chunkStart));
            }
        }
        int keep = (int) (end - newStart);
        byte[] kept = keep == tail.length ? tail : new byte[keep];
        int fromChunk = Math.min(keep, chunkLen);
        int fromOldTail = keep - fromChunk;
        if (fromOldTail > 0) {
            System.arraycopy(tail, tail.length - fromOldTail, kept, 0, fromOldTail);
        }
        System.arraycopy(chunk, chunkOff + chunkLen - fromChunk, kept, fromOldTail, fromChunk);
        tail = kept;
        tailStart = newStart;
        chunkStart = end;
        chunkLen = 0;
    }

    private static int newlines(byte[] b, int from, int length) {
        int n = 0;
        for (int i = from, end = from + length; i < end; i++) {
            n += b[i] == '\n' ? 1 : 0;
        }
        return n;
    }
}
