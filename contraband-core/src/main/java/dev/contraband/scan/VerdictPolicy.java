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
 * The categories are those of the findings at medium or above. Proxy/tunnel and hacking tools are low alone; they
 * count as medium when two of them are present, or next to a medium-or-higher cryptomining, backdoor,
 * dynamic-download or malicious-website finding. A cryptomining explanation names the pool and wallet found
 * elsewhere in the image ("XMRig 6.21.0 at /opt/x (layer 1, `RUN wget …`) mining to pool:3333 for wallet 4AbC…").
 * When the name poses as a trusted image (at any
 * severity) and something else led to the verdict, the explanation starts with what it poses as
 * ("poses as library/golang; …"); the name finding's evidence holds that reference.
 */
final class VerdictPolicy {
    private VerdictPolicy() {
    }

    static Verdict decide(List<Finding> reported, List<LayerSummary> layers) {
        List<Finding> findings = combined(reported);
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
                : explain(relevant.getFirst(), layers) + minerContext(relevant.getFirst(), findings) + (relevant.size() > 1
                        ? "; and " + (relevant.size() - 1) + " more finding" + (relevant.size() > 2 ? "s" : "") : "");
        if (impostor != null && impostor.evidence() != null && !relevant.isEmpty() && relevant.getFirst() != impostor) {
            explanation = "poses as " + impostor.evidence() + "; " + explanation;
        }
        return new Verdict(status, List.copyOf(categories), explanation);
    }

    private static final Set<String> TOOL_RULES = Set.of("behavior.proxy-tool", "behavior.hacking-tool");
    private static final Set<Category> RAISING = Set.of(Category.CRYPTOMINING, Category.BACKDOOR,
            Category.DYNAMIC_DOWNLOAD, Category.MALICIOUS_WEBSITE);

    /** The findings as the verdict weighs them: tool findings raised to medium in combination. */
    private static List<Finding> combined(List<Finding> findings) {
        List<Finding> tools = findings.stream().filter(f -> TOOL_RULES.contains(f.rule().id())).toList();
        boolean other = findings.stream().anyMatch(f -> RAISING.contains(f.category()) && f.severity().atLeast(Severity.MEDIUM));
        long distinct = tools.stream().map(Finding::evidence).distinct().count();
        if (tools.isEmpty() || !other && distinct < 2) {
            return findings;
        }
        return findings.stream().map(f -> TOOL_RULES.contains(f.rule().id()) && !f.severity().atLeast(Severity.MEDIUM)
                ? f.withSeverity(Severity.MEDIUM, f.context()) : f).toList();
    }

    /** For a cryptomining finding: " mining to POOL for wallet W…" from the other findings, what its message lacks. */
    private static String minerContext(Finding top, List<Finding> findings) {
        if (top.category() != Category.CRYPTOMINING) {
            return "";
        }
        String pool = findings.stream().filter(f -> f.category() == Category.CRYPTOMINING && f.indicator() != null
                        && !f.rule().id().equals("miner.wallet") && !f.indicator().startsWith("sha256:"))
                .map(Finding::indicator).findFirst().orElse(null);
        String wallet = findings.stream().filter(f -> f.rule().id().equals("miner.wallet") && f.indicator() != null)
                .map(Finding::indicator).findFirst().orElse(null);
        StringBuilder s = new StringBuilder();
        if (pool != null && !top.message().contains(pool)) {
            s.append(" mining to ").append(pool);
        }
        if (wallet != null && !top.message().contains(wallet.substring(0, Math.min(8, wallet.length())))) {
            s.append(" for wallet ").append(wallet.length() > 12 ? wallet.substring(0, 8) + "…" : wallet);
        }
        return s.toString();
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
