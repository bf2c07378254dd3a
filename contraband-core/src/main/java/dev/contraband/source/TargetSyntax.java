package dev.contraband.source;

import java.nio.file.Files;
import java.nio.file.Path;

/** How a target's path and optional reference are told apart. */
final class TargetSyntax {
    private TargetSyntax() {
    }

    record PathAndRef(Path path, String ref) {
    }

    static void requirePath(String rest, String text) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("\"" + text + "\": missing path after the colon");
        }
    }

    /**
     * Paths may hold colons too, so the reference is split off only where the part before it exists: the whole
     * text first, then at each colon from the left.
     */
    static PathAndRef splitPathAndRef(String rest, String text) {
        requirePath(rest, text);
        if (Files.exists(Path.of(rest))) {
            return new PathAndRef(Path.of(rest), null);
        }
        for (int i = rest.indexOf(':'); i > 0; i = rest.indexOf(':', i + 1)) {
            Path p = Path.of(rest.substring(0, i));
            if (Files.exists(p)) {
                String ref = rest.substring(i + 1);
                return new PathAndRef(p, ref.isEmpty() ? null : ref);
            }
        }
        int last = rest.indexOf(':');
        return last > 0 ? new PathAndRef(Path.of(rest.substring(0, last)), rest.substring(last + 1))
                : new PathAndRef(Path.of(rest), null);
    }
}
