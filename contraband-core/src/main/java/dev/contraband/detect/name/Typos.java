package dev.contraband.detect.name;

/**
 * Decides whether one name is a typo of another, and which kind. Both names come without separators.
 * <p>
 * The edit distance is Damerau-Levenshtein (optimal string alignment: substitutions, insertions, deletions and
 * swaps of neighbours), and how much of it is allowed is scaled to the target's length, because one changed letter
 * in a four-letter word often makes another real word ({@code node}, {@code nose}) while in {@code elasticsearch} it
 * does not:
 * <ul>
 *   <li>up to 3 characters: nothing (only look-alikes and affixes count);</li>
 *   <li>4: a doubled character or two swapped ones only;</li>
 *   <li>5 to 8: one edit, where a substitution must be a keyboard neighbour and an insertion a doubling; up to 6,
 *       an edit of the first letter does not count ({@code rocker} is not {@code docker}, {@code host} not
 *       {@code ghost}): people rarely mistype the letter they start with;</li>
 *   <li>9 to 11: any one edit;</li>
 *   <li>12 and more: up to two edits.</li>
 * </ul>
 */
final class Typos {
    private Typos() {
    }

    /** The kind of typo {@code candidate} is of {@code target}, or null when it is not one. */
    static Technique classify(String candidate, String target) {
        int n = target.length();
        int lengthGap = Math.abs(candidate.length() - n);
        if (n < 4 || lengthGap > 2 || candidate.equals(target)) {
            return null;
        }
        int max = n >= 12 ? 2 : 1;
        if (lengthGap > max) {
            return null;
        }
        if (withinOne(candidate, target)) {
            return single(candidate, target);
        }
        return max == 2 && distance(candidate, target, 2) == 2 ? Technique.EDIT_DISTANCE : null;
    }

    /** Classifies a single edit turning {@code target} into {@code candidate}. */
    private static Technique single(String c, String t) {
        int n = t.length();
        int p = 0;
        while (p < Math.min(c.length(), n) && c.charAt(p) == t.charAt(p)) {
            p++;
        }
        boolean firstLetter = p == 0 && n <= 6;
        if (c.length() == n) {
            if (p + 1 < n && c.charAt(p) == t.charAt(p + 1) && c.charAt(p + 1) == t.charAt(p)) {
                return Technique.SWAPPED_CHARS;
            }
            if (n <= 4 || firstLetter) {
                return null;
            }
            if (Keyboard.adjacent(c.charAt(p), t.charAt(p))) {
                return Technique.KEYBOARD_ADJACENT;
            }
            return n >= 9 ? Technique.EDIT_DISTANCE : null;
        }
        if (c.length() == n + 1) {
            char inserted = c.charAt(p);
            boolean doubled = p > 0 && c.charAt(p - 1) == inserted || p < n && t.charAt(p) == inserted;
            if (doubled) {
                return Technique.DOUBLED_CHAR;
            }
            return n >= 9 ? Technique.EDIT_DISTANCE : null;
        }
        // One character left out.
        return n <= 4 || firstLetter ? null : Technique.OMITTED_CHAR;
    }

    /**
     * Whether the optimal-string-alignment distance is at most one, in one pass without the dynamic-programming
     * table: past the common prefix, the rest must match after one substitution, insertion, deletion or swap.
     */
    static boolean withinOne(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int p = 0;
        while (p < la && p < lb && a.charAt(p) == b.charAt(p)) {
            p++;
        }
        if (la == lb) {
            return p == la || a.regionMatches(p + 1, b, p + 1, la - p - 1)
                    || p + 1 < la && a.charAt(p) == b.charAt(p + 1) && a.charAt(p + 1) == b.charAt(p)
                    && a.regionMatches(p + 2, b, p + 2, la - p - 2);
        }
        return la > lb ? a.regionMatches(p + 1, b, p, lb - p) : b.regionMatches(p + 1, a, p, la - p);
    }

    /**
     * Optimal-string-alignment distance, giving up (returning {@code max + 1}) as soon as a row's minimum exceeds
     * {@code max}: almost every comparison against the reference set ends in the first few columns.
     */
    static int distance(String a, String b, int max) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > max) {
            return max + 1;
        }
        int[] prev2 = new int[lb + 1];
        int[] prev = new int[lb + 1];
        int[] cur = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= lb; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[lb];
    }
}
