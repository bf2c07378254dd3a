package dev.contraband.detect.behavior;

import dev.contraband.detect.Finding;
import dev.contraband.detect.ImageContext;
import dev.contraband.detect.ImageDetector;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;
import dev.contraband.image.HistoryEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Behaviour in ENTRYPOINT/CMD and in history: the same shell analysis as scripts, and {@code ADD https://…} of an
 * executable (no archive or text extension).
 */
public final class BehaviorConfigDetector implements ImageDetector {
    private static final Pattern ADD_URL = Pattern.compile("(?:^|#\\(nop\\)\\s*|\\s)ADD\\s+(?:--[a-z-]+(?:=\\S+)?\\s+)*((?:https?|ftp)://\\S+)(?:\\s+(\\S+))?");
    private static final Pattern NOT_EXECUTABLE = Pattern.compile("(?i)\\.(tar|tgz|gz|xz|bz2|zst|zip|txt|md|json|ya?ml|xml|html?|css|js|png|jpe?g|gif|svg|pdf|pem|crt|key|asc|sig|sha256|deb|rpm|apk|whl|jar)$");

    @Override
    public String id() {
        return "behavior-config";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<Rule> rules() {
        return BehaviorRules.CONFIG;
    }

    @Override
    public List<Finding> analyze(ImageContext image) {
        List<Finding> out = new ArrayList<>();
        List<String> command = image.config().command();
        if (!command.isEmpty()) {
            String field = image.config().entrypoint().isEmpty() ? "Cmd" : "Entrypoint";
            // The argv as a shell sees it: sh -c "…" is followed by the parser, exec-form words are joined.
            String text = command.size() >= 3 && command.get(1).equals("-c") ? command.get(2) : String.join(" ", command);
            report(text, new Location.Config(field), field, out);
        }
        List<HistoryEntry> history = image.config().history();
        for (int i = 0; i < history.size(); i++) {
            String createdBy = history.get(i).createdBy();
            if (createdBy == null) {
                continue;
            }
            Location at = new Location.History(i, null);
            Matcher add = ADD_URL.matcher(createdBy);
            if (add.find()) {
                String url = add.group(1);
                String name = ShellBehavior.base(url.replaceFirst("[?#].*$", ""));
                if (!NOT_EXECUTABLE.matcher(name).find()) {
                    out.add(Finding.of(BehaviorRules.ADD_REMOTE, at, "history step " + i + " ADDs " + url
                            + (add.group(2) == null ? "" : " to " + add.group(2)), BehaviorFileDetector.cut(createdBy), url, url));
                }
            }
            String step = createdBy.replaceFirst("^/bin/sh -c (#\\(nop\\) )?", "").replaceFirst("^RUN\\s+", "")
                    .replaceFirst("\\s+# buildkit$", "");
            if (!step.toUpperCase(Locale.ROOT).startsWith("ADD ")) {
                report(step, at, "history step " + i, out);
            }
        }
        return out;
    }

    private static void report(String text, Location at, String where, List<Finding> out) {
        for (ShellBehavior.Hit h : ShellBehavior.analyze(text, false)) {
            out.add(Finding.of(h.rule(), at, h.message() + " in " + where, BehaviorFileDetector.cut(h.evidence()), null,
                    h.evidence().strip()));
        }
    }
}
