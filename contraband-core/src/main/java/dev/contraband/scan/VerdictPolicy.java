package dev.contraband.scan;

import dev.contraband.detect.Category;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.detect.Severity;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides an image's verdict from its findings (documented in docs/architecture.md):
 * <ul>
 *   <li>{@code malicious}: a critical finding, or high findings from two different rules (independent evidence), or
 *       an impostor name (medium) together with any high content finding: a look-alike of library/golang that also
 *       ships a dropper is an attack, where either alone may be an accident;</li>
 *   <li>{@code suspicious}: otherwise any high or medium finding;</li>
 *   <li>{@code clean}: only low and info findings, or none.</li>
 * </ul>
 * The categories are those of the findings at medium or above. When the name poses as a trusted image (at any
 * severity) and something else led to the verdict, the explanation starts with what it poses as
 * ("poses as library/golang; …"); the name finding's evidence holds that reference.
 */
final class VerdictPolicy {
    private VerdictPolicy() {
    }

    static Verdict decide(List<Finding> findings, List<LayerSummary> layers) {
        boolean critical = findings.stream().anyMatch(f -> f.severity() == Severity.CRITICAL);
        long highRules = findings.stream().filter(f -> f.severity() == Severity.HIGH)
                .map(f -> f.rule().id()).distinct().count();
        List<Finding> relevant = findings.stream().filter(f -> f.severity().atLeast(Severity.MEDIUM))
                .sorted(Comparator.comparing(Finding::severity)).toList();
        Finding impostor = findings.stream().filter(f -> f.category() == Category.IMPOSTOR_NAME)
                .min(Comparator.comparing(Finding::severity)).orElse(null);
        boolean highContent = findings.stream()
                .anyMatch(f -> f.category() != Category.IMPOSTOR_NAME && f.severity().atLeast(Severity.HIGH));
        boolean impostorAttack = impostor != null && impostor.severity().atLeast(Severity.MEDIUM) && highContent;
        Verdict.Status status = critical || highRules >= 2 || impostorAttack ? Verdict.Status.MALICIOUS
                : relevant.isEmpty() ? Verdict.Status.CLEAN : Verdict.Status.SUSPICIOUS;
        Set<Category> categories = new LinkedHashSet<>();
        relevant.forEach(f -> categories.add(f.category()));
        String explanation = relevant.isEmpty()
                ? "no finding at medium severity or above" + (findings.isEmpty() ? "" : " (" + findings.size() + " lower)")
                : explain(relevant.getFirst(), layers) + (relevant.size() > 1
                        ? "; and " + (relevant.size() - 1) + " more finding" + (relevant.size() > 2 ? "s" : "") : "");
        if (impostor != null && impostor.evidence() != null && !relevant.isEmpty() && relevant.getFirst() != impostor) {
            explanation = "poses as " + impostor.evidence() + "; " + explanation;
        }
        return new Verdict(status, List.copyOf(categories), explanation);
    }

    private static String explain(Finding f, List<LayerSummary> layers) {
        StringBuilder s = new StringBuilder(f.message());
        Integer layer = switch (f.location()) {
            case Location.File file -> file.layer() == null ? null : file.layer().index();
            case Location.History h -> h.layer() == null ? null : h.layer().index();
            default -> null;
        };
        if (layer != null) {
            s.append(" (layer ").append(layer);
            String createdBy = layer < layers.size() ? layers.get(layer).createdBy() : null;
            if (createdBy != null && !createdBy.isBlank()) {
                String step = createdBy.replaceFirst("^/bin/sh -c (#\\(nop\\) )?", "").strip();
                s.append(", `").append(step.length() > 60 ? step.substring(0, 57) + "..." : step).append('`');
            }
            if (f.location() instanceof Location.File file && file.deleted()) {
                s.append(", deleted by a later layer but still in the image");
            }
            s.append(')');
        } else if (f.location() instanceof Location.Config c) {
            s.append(" (config ").append(c.field()).append(')');
        }
        return s.toString();
    }
}
