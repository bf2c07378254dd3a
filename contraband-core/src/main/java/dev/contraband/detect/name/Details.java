package dev.contraband.detect.name;

/** The sentence that says how a name imitates a reference name. */
final class Details {
    private Details() {
    }

    static String of(String name, Match m) {
        return switch (m.technique()) {
            case SEPARATOR -> name + " is " + m.matched() + " with its separators changed";
            case LOOK_ALIKE -> name + " reads as " + m.matched() + " (look-alike characters)";
            case TRUST_AFFIX, COMBO_SQUAT -> name + " is " + m.matched() + " with \"" + String.join("\", \"", m.attached())
                    + "\" attached" + (m.core() == null ? "" : ", and " + m.core().description());
            default -> name + " is " + m.matched() + " with " + m.technique().description();
        };
    }
}
