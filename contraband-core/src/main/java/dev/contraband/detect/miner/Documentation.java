package dev.contraband.detect.miner;

import dev.contraband.detect.Finding;

import java.util.regex.Pattern;

/**
 * Files that are documentation, examples or tests (and package-manager metadata, which quotes upstream homepages): a pool URL or a wallet there is usually an example, so such
 * findings are kept with {@code context: documentation} and a severity two levels lower, never dropped.
 */
public final class Documentation {
    public static final String CONTEXT = "documentation";
    private static final Pattern DOC = Pattern.compile(
            "^/usr/share/(doc|man|info|help|common-licenses)/|^/var/lib/(apt/lists|dpkg)/|/(docs?|documentation|examples?|samples?|tests?|__tests__|spec|fixtures?)/"
                    + "|(^|/)(README|CHANGELOG|CHANGES|HISTORY|NEWS|FAQ)[^/]*$"
                    + "|\\.(md|markdown|rst|adoc|txt|html?|[1-9])(\\.gz)?$", Pattern.CASE_INSENSITIVE);

    private Documentation() {
    }

    public static boolean isDocumentation(String path) {
        return path != null && DOC.matcher(path).find();
    }

    /** The finding, two levels lower when {@code path} is documentation. */
    public static Finding inContext(Finding f, String path) {
        return isDocumentation(path) ? f.withSeverity(f.severity().lower().lower(), CONTEXT) : f;
    }
}
