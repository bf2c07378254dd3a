package dev.contraband.scan;

import dev.contraband.detect.Finding;
import dev.contraband.detect.LayerRef;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;
import dev.contraband.image.HistoryEntry;
import dev.contraband.image.Image;
import dev.contraband.layer.LayerReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds an image's report from the reports of its layers (made independently, possibly cached and shared) and
 * its image-level findings: places each file finding in its layer, marks files a later layer deletes or replaces,
 * and decides the verdict.
 */
public final class ImageAssembler {
    private ImageAssembler() {
    }

    /** Report order: severity, then layer, path and rule. */
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(ImageAssembler::layerIndex)
            .thenComparing(f -> f.path() == null ? "" : f.path())
            .thenComparing(f -> f.rule().id());

    /**
     * The report of something with findings but no image, such as an imageless repository of a catalog scan: no
     * digest, platform or layers; findings in report order and the verdict the same policy gives an image.
     */
    public static ImageReport withoutImage(String target, String name, List<Finding> findings, List<Rule> rules) {
        List<Finding> sorted = findings.stream().sorted(ORDER).toList();
        return new ImageReport(target, name, null, null, List.of(), VerdictPolicy.decide(sorted, List.of()), sorted, rules);
    }

    public static ImageReport assemble(String target, Image image, List<LayerReport> layerReports,
                                       List<Finding> imageFindings, List<Rule> rules) {
        List<LayerSummary> layers = new ArrayList<>();
        for (int i = 0; i < layerReports.size(); i++) {
            LayerReport r = layerReports.get(i);
            layers.add(new LayerSummary(i, r.digest().toString(), r.diffId().toString(),
                    image.layers().get(i).createdBy(), r.storedBytes()));
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < layerReports.size(); i++) {
            LayerRef ref = new LayerRef(i, layers.get(i).digest());
            for (Finding f : layerReports.get(i).findings()) {
                if (f.location() instanceof Location.File file) {
                    boolean deleted = removedLater(file.layerPath(), i, layerReports);
                    findings.add(f.withLocation(new Location.File(file.path(), file.line(), ref, deleted)));
                } else {
                    findings.add(f);
                }
            }
        }
        for (Finding f : imageFindings) {
            if (f.location() instanceof Location.History h && h.layer() == null) {
                Integer layer = layerOfHistoryEntry(image.config().history(), h.entry());
                LayerRef ref = layer == null || layer >= layers.size() ? null
                        : new LayerRef(layer, layers.get(layer).digest());
                findings.add(f.withLocation(new Location.History(h.entry(), ref)));
            } else {
                findings.add(f);
            }
        }
        findings.sort(ORDER);
        String digest = image.digest() != null ? image.digest().toString()
                : layers.isEmpty() ? null : layers.getFirst().digest();
        Verdict verdict = VerdictPolicy.decide(findings, layers);
        return new ImageReport(target, image.name(), digest, image.platform().toString(), layers, verdict,
                findings, rules);
    }

    private static int layerIndex(Finding f) {
        return switch (f.location()) {
            case Location.File file -> file.layer() == null ? -1 : file.layer().index();
            case Location.History h -> h.layer() == null ? -1 : h.layer().index();
            default -> -1;
        };
    }

    /** Whether a layer above {@code layer} replaces {@code path}, whites it (or a folder above it) out, or hides it. */
    static boolean removedLater(String path, int layer, List<LayerReport> reports) {
        for (int j = layer + 1; j < reports.size(); j++) {
            LayerReport upper = reports.get(j);
            if (upper.paths().contains(path) || upper.whiteouts().contains(path)) {
                return true;
            }
            for (String dir = parent(path); dir != null; dir = parent(dir)) {
                if (upper.whiteouts().contains(dir) || upper.opaqueDirs().contains(dir)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String parent(String path) {
        if (path.equals("/")) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    /** History entry {@code entry} made the layer counted by the non-empty entries before it; empty ones made none. */
    static Integer layerOfHistoryEntry(List<HistoryEntry> history, int entry) {
        if (entry < 0 || entry >= history.size() || history.get(entry).emptyLayer()) {
            return null;
        }
        int layer = 0;
        for (int i = 0; i < entry; i++) {
            if (!history.get(i).emptyLayer()) {
                layer++;
            }
        }
        return layer;
    }
}
