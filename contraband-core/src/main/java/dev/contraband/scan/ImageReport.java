package dev.contraband.scan;

import dev.contraband.detect.Finding;
import dev.contraband.detect.Rule;
import dev.contraband.detect.Severity;

import java.util.List;

/**
 * Everything a scan of one image found, in the shape reporters print.
 *
 * @param target the target as the user wrote it
 * @param name   the image's name, or null
 * @param rules  the rules that were run (SARIF lists them)
 */
public record ImageReport(String target, String name, String digest, String platform, List<LayerSummary> layers,
                          Verdict verdict, List<Finding> findings, List<Rule> rules) {
    public ImageReport {
        layers = List.copyOf(layers);
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
    }

    /** Whether a finding at or above {@code threshold} exists (the exit-code test). */
    public boolean hasFindingAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }

    /** The same report keeping only findings whose severity is in {@code shown}; the verdict is not changed. */
    public ImageReport onlySeverities(java.util.Set<Severity> shown) {
        return new ImageReport(target, name, digest, platform, layers, verdict,
                findings.stream().filter(f -> shown.contains(f.severity())).toList(), rules);
    }
}
