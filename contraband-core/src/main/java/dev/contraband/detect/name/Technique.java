package dev.contraband.detect.name;

import dev.contraband.detect.Severity;

/**
 * How an impostor name borrows a trusted one. The ids are what {@code name-check --format json} prints and what the
 * rule ids end with.
 */
public enum Technique {
    EDIT_DISTANCE("edit-distance", "a few characters changed"),
    KEYBOARD_ADJACENT("keyboard-adjacent", "a character replaced by its neighbour on the keyboard"),
    DOUBLED_CHAR("doubled-char", "a character doubled"),
    OMITTED_CHAR("omitted-char", "a character left out"),
    SWAPPED_CHARS("swapped-chars", "two neighbouring characters swapped"),
    LOOK_ALIKE("look-alike", "characters that look alike (0/o, 1/l/i, rn/m, vv/w, 5/s)"),
    SEPARATOR("separator", "separators added, removed or changed"),
    TRUST_AFFIX("trust-affix", "a word that lends trust (official, verified, docker, latest, ...)"),
    COMBO_SQUAT("combo-squat", "the name with a variant or version attached, published by a stranger"),
    NAMESPACE_LOOK_ALIKE("namespace-look-alike", "a namespace posing as a trusted one"),
    OFFICIAL_NAME_REUSE("official-name-reuse", "an official or publisher name under an unrelated namespace");

    private final String id;
    private final String description;

    Technique(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /**
     * A name alone is medium (issue 6); reusing a name under another namespace is the weaker signal, since plenty of
     * honest repositories are called "nginx" too.
     */
    public Severity severity() {
        return this == OFFICIAL_NAME_REUSE ? Severity.LOW : Severity.MEDIUM;
    }
}
