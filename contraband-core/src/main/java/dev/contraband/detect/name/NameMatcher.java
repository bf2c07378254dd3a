package dev.contraband.detect.name;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches one name (a repository, or a namespace) against an index of reference names, trying the techniques from
 * the most specific to the loosest: exact, separators, look-alikes, affixes and variants around an exact core, edit
 * distance, and affixes and variants around a mistyped core.
 */
final class NameMatcher {
    private final NameIndex index;
    private final boolean namespaces;

    NameMatcher(NameIndex index, boolean namespaces) {
        this.index = index;
        this.namespaces = namespaces;
    }

    /** The reference name {@code name} is exactly, or null. */
    Match exact(String name) {
        NameIndex.Entry e = index.exact(name);
        return e == null ? null : Match.exact(e);
    }

    /** How {@code name} imitates a reference name without being one, or null. */
    Match imitation(String name) {
        if (index.exact(name) != null) {
            return null;
        }
        String stripped = LookAlikes.stripSeparators(name);
        NameIndex.Entry e = index.byStripped(stripped);
        if (e != null) {
            return Match.of(e, Technique.SEPARATOR);
        }
        String skeleton = LookAlikes.skeleton(name);
        e = index.bySkeleton(skeleton);
        if (e != null) {
            return Match.of(e, Technique.LOOK_ALIKE);
        }
        List<String> tokens = Words.tokens(name, namespaces);
        Match m = decompose(tokens, false);
        if (m != null) {
            return m;
        }
        m = index.typo(stripped, skeleton);
        return m != null ? m : decompose(tokens, true);
    }

    /**
     * Looks for a run of words that is a reference name with only trust, variant and version words around it. With
     * {@code typos}, the run may also be a typo of one ({@code pyhton-alpine}).
     */
    private Match decompose(List<String> tokens, boolean typos) {
        int k = tokens.size();
        boolean[] removable = new boolean[k];
        int first = k;
        int last = -1;
        for (int i = 0; i < k; i++) {
            removable[i] = Words.removable(tokens.get(i), namespaces);
            if (!removable[i]) {
                first = Math.min(first, i);
                last = i;
            }
        }
        // The run must cover every word that is not removable; longest runs first, so "eclipse-temurin-jdk" finds
        // eclipse-temurin rather than nothing. A run that is itself a trust word ("docker", an official image too)
        // is the last resort: "docker-ubuntu" poses as ubuntu, "docker-dind" as docker.
        Match fallback = null;
        for (int length = k - 1; length >= 1; length--) {
            for (int i = 0; i + length <= k; i++) {
                int j = i + length;
                if (i > first || j <= last) {
                    continue;
                }
                String core = String.join("", tokens.subList(i, j));
                Match m = core(core, typos);
                if (m != null && !Words.lendsTrust(core, namespaces)) {
                    return attach(m, tokens, i, j);
                }
                if (m != null && fallback == null) {
                    fallback = attach(m, tokens, i, j);
                }
            }
        }
        return fallback;
    }

    private Match attach(Match m, List<String> tokens, int i, int j) {
        List<String> attached = new ArrayList<>(tokens.subList(0, i));
        attached.addAll(tokens.subList(j, tokens.size()));
        boolean trust = attached.stream().anyMatch(t -> Words.lendsTrust(t, namespaces));
        return new Match(m.target(), trust ? Technique.TRUST_AFFIX : Technique.COMBO_SQUAT, m.matched(),
                attached, m.technique());
    }

    private Match core(String core, boolean typos) {
        NameIndex.Entry e = index.byStripped(core);
        if (e != null) {
            return Match.exact(e);
        }
        String skeleton = LookAlikes.skeleton(core);
        e = index.bySkeleton(skeleton);
        if (e != null) {
            return Match.of(e, Technique.LOOK_ALIKE);
        }
        return typos ? index.typo(core, skeleton) : null;
    }
}
