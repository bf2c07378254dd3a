package dev.contraband.detect.name;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference names prepared for fast lookup, so that one name is judged against the whole set in microseconds:
 * hash maps for the exact, separator-free and look-alike-folded forms, and lists by length for the edit-distance
 * scan, which only has to look at names within two characters of the candidate's length.
 */
final class NameIndex {
    /** One reference name in its three forms. */
    record Entry(String name, String stripped, String skeleton, Target target, long strippedLetters,
                 long skeletonLetters) {
        Entry(String name, String stripped, String skeleton, Target target) {
            this(name, stripped, skeleton, target, letters(stripped), letters(skeleton));
        }
    }

    private static final int MAX_LENGTH_GAP = 2;

    private final Map<String, Entry> exact = new HashMap<>();
    private final Map<String, Entry> stripped = new HashMap<>();
    private final Map<String, Entry> skeletons = new HashMap<>();
    private final List<List<Entry>> byStrippedLength = new ArrayList<>();
    private final List<List<Entry>> bySkeletonLength = new ArrayList<>();

    /** Adds a name; the first target added for a form wins, so official images are added first. */
    void add(String name, Target target) {
        Entry e = new Entry(name, LookAlikes.stripSeparators(name), LookAlikes.skeleton(name), target);
        exact.putIfAbsent(name, e);
        if (stripped.putIfAbsent(e.stripped(), e) == null) {
            bucket(byStrippedLength, e.stripped().length()).add(e);
        }
        if (skeletons.putIfAbsent(e.skeleton(), e) == null) {
            bucket(bySkeletonLength, e.skeleton().length()).add(e);
        }
    }

    Entry exact(String name) {
        return exact.get(name);
    }

    Entry byStripped(String strippedName) {
        return stripped.get(strippedName);
    }

    Entry bySkeleton(String skeleton) {
        return skeletons.get(skeleton);
    }

    /**
     * The first reference name {@code candidate} is a typo of: first comparing the names as typed (so the kind of
     * typo can be told), then their look-alike skeletons ({@code ng1nxx}), which counts as a look-alike.
     */
    Match typo(String strippedCandidate, String skeletonCandidate) {
        Match m = scan(byStrippedLength, strippedCandidate, false);
        return m != null ? m : scan(bySkeletonLength, skeletonCandidate, true);
    }

    private static Match scan(List<List<Entry>> byLength, String candidate, boolean skeleton) {
        int len = candidate.length();
        long letters = letters(candidate);
        // Nearest lengths first: a same-length swap beats a two-character difference.
        for (int gap = 0; gap <= MAX_LENGTH_GAP; gap++) {
            for (int l : gap == 0 ? new int[]{len} : new int[]{len - gap, len + gap}) {
                if (l < 0 || l >= byLength.size()) {
                    continue;
                }
                for (Entry e : byLength.get(l)) {
                    // Each edit adds or removes at most two distinct characters, so names whose character sets
                    // differ by more than 2 x (allowed edits) are skipped without comparing them.
                    long differing = letters ^ (skeleton ? e.skeletonLetters() : e.strippedLetters());
                    if (Long.bitCount(differing) > (l >= 12 ? 4 : 2)) {
                        continue;
                    }
                    Technique t = Typos.classify(candidate, skeleton ? e.skeleton() : e.stripped());
                    if (t != null) {
                        return Match.of(e, skeleton ? Technique.LOOK_ALIKE : t);
                    }
                }
            }
        }
        return null;
    }

    /** The set of characters in {@code s}: a bit for each of a-z and 0-9. */
    static long letters(String s) {
        long bits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                bits |= 1L << (c - 'a');
            } else if (c >= '0' && c <= '9') {
                bits |= 1L << (26 + c - '0');
            }
        }
        return bits;
    }

    private static List<Entry> bucket(List<List<Entry>> byLength, int length) {
        while (byLength.size() <= length) {
            byLength.add(new ArrayList<>());
        }
        return byLength.get(length);
    }
}
