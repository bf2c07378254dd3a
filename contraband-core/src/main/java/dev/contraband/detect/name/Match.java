package dev.contraband.detect.name;

import java.util.List;

/**
 * How a name matched a reference name.
 *
 * @param target    what it poses as
 * @param technique how (null for an exact match)
 * @param matched   the reference name it matched: the official name, an alias ("nodejs") or a namespace
 * @param attached  the words around the matched name, for trust-affix and combo matches ("official", "alpine")
 * @param core      for affix and combo matches, how the remaining name matched (null: exactly)
 */
record Match(Target target, Technique technique, String matched, List<String> attached, Technique core) {
    Match {
        attached = List.copyOf(attached);
    }

    static Match exact(NameIndex.Entry e) {
        return new Match(e.target(), null, e.name(), List.of(), null);
    }

    static Match of(NameIndex.Entry e, Technique technique) {
        return new Match(e.target(), technique, e.name(), List.of(), null);
    }

    boolean isExact() {
        return technique == null;
    }
}
