package dev.contraband.report;

import dev.contraband.detect.Category;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.detect.Severity;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Verdict;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** The human-readable report: findings grouped by severity, with layer and path, and a verdict line. */
public final class TableReporter implements Reporter {
    private static final String RESET = "\u001b[0m";
    private final boolean color;

    public TableReporter(boolean color) {
        this.color = color;
    }

    @Override
    public void write(List<ImageReport> reports, boolean single, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (int i = 0; i < reports.size(); i++) {
            if (i > 0) {
                w.println();
            }
            write(reports.get(i), w);
        }
        w.flush();
    }

    private void write(ImageReport r, PrintWriter w) {
        String title = r.name() != null ? r.name() + " (" + r.target() + ")" : r.target();
        w.println(bold(title));
        w.println("  digest " + r.digest() + "  platform " + r.platform() + "  " + r.layers().size()
                + " layer" + (r.layers().size() == 1 ? "" : "s"));
        w.println();
        String counts = java.util.Arrays.stream(Severity.values())
                .map(s -> s.name() + ": " + r.findings().stream().filter(f -> f.severity() == s).count())
                .collect(Collectors.joining(", "));
        w.println("Findings: " + r.findings().size() + " (" + counts + ")");
        for (Severity s : Severity.values()) {
            List<Finding> group = r.findings().stream().filter(f -> f.severity() == s).toList();
            if (group.isEmpty()) {
                continue;
            }
            w.println();
            w.println(paint(s, s.name()));
            int whereWidth = group.stream().mapToInt(f -> where(f).length()).max().orElse(0);
            int ruleWidth = group.stream().mapToInt(f -> f.rule().id().length()).max().orElse(0);
            for (Finding f : group) {
                StringBuilder line = new StringBuilder("  ")
                        .append(pad(where(f), whereWidth)).append("  ")
                        .append(pad(f.rule().id(), ruleWidth)).append("  ")
                        .append(f.message());
                if (f.location() instanceof Location.File file && file.deleted()) {
                    line.append(" [deleted in a later layer]");
                }
                if (f.context() != null) {
                    line.append(" [").append(f.context()).append(']');
                }
                if (f.indicator() != null) {
                    line.append("  indicator ").append(f.indicator());
                } else if (f.evidence() != null) {
                    line.append("  (").append(f.evidence()).append(')');
                }
                w.println(line);
            }
        }
        w.println();
        Verdict v = r.verdict();
        String categories = v.categories().isEmpty() ? ""
                : " [" + v.categories().stream().map(Category::id).collect(Collectors.joining(", ")) + "]";
        w.println("Verdict: " + paintVerdict(v.status()) + categories + " - " + v.explanation());
    }

    private static String where(Finding f) {
        return switch (f.location()) {
            case Location.File file -> (file.layer() == null ? "" : "layer " + file.layer().index() + "  ")
                    + file.path() + (file.line() == null ? "" : ":" + file.line());
            case Location.Config c -> "config   " + c.field();
            case Location.History h -> (h.layer() == null ? "history" : "layer " + h.layer().index()) + "  history[" + h.entry() + "]";
            case Location.Name n -> "name     " + n.name();
            case Location.Metadata m -> "metadata " + m.field();
        };
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private String bold(String s) {
        return color ? "\u001b[1m" + s + RESET : s;
    }

    private String paint(Severity s, String text) {
        if (!color) {
            return text;
        }
        String code = switch (s) {
            case CRITICAL -> "\u001b[1;31m";
            case HIGH -> "\u001b[31m";
            case MEDIUM -> "\u001b[33m";
            case LOW -> "\u001b[36m";
            case INFO -> "\u001b[37m";
        };
        return code + text + RESET;
    }

    private String paintVerdict(Verdict.Status status) {
        String text = status.name();
        if (!color) {
            return text;
        }
        return switch (status) {
            case MALICIOUS -> "\u001b[1;31m" + text + RESET;
            case SUSPICIOUS -> "\u001b[33m" + text + RESET;
            case CLEAN -> "\u001b[32m" + text + RESET;
        };
    }
}
