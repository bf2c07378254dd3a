package dev.contraband.detect.name;

/**
 * Folds characters that read alike into one "skeleton", so that {@code ng1nx}, {@code nglnx} and {@code nginx}
 * share one. Docker names allow only {@code [a-z0-9._-]}, so the confusables are ASCII ones: 0/o, 1/l/i, 3/e, 4/a,
 * 5/s, rn/m, vv/w. Separators are dropped too, so skeletons compare names regardless of dashes and dots.
 */
final class LookAlikes {
    private LookAlikes() {
    }

    static String skeleton(String name) {
        StringBuilder s = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            char next = i + 1 < name.length() ? name.charAt(i + 1) : 0;
            if (c == 'r' && next == 'n') {
                s.append('m');
                i++;
            } else if (c == 'v' && next == 'v') {
                s.append('w');
                i++;
            } else {
                switch (c) {
                    case '-', '_', '.', '/' -> {
                    }
                    case '0' -> s.append('o');
                    case '1', 'i' -> s.append('l');
                    case '3' -> s.append('e');
                    case '4' -> s.append('a');
                    case '5' -> s.append('s');
                    default -> s.append(c);
                }
            }
        }
        return s.toString();
    }

    /** The name without separators: {@code node-js} and {@code node_js} both become {@code nodejs}. */
    static String stripSeparators(String name) {
        StringBuilder s = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '-' && c != '_' && c != '.' && c != '/') {
                s.append(c);
            }
        }
        return s.toString();
    }
}
