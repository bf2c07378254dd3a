package dev.contraband.scan;

import dev.contraband.image.Image;
import dev.contraband.layer.ScanLimits;
import dev.contraband.source.ImageSource;
import dev.contraband.source.PlatformSelection;
import dev.contraband.source.Sources;
import dev.contraband.source.Target;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Test helper: scans a target string with the built-in detectors. */
public final class Scans {
    private Scans() {
    }

    public static ImageReport scan(String target) throws IOException {
        return scan(target, PlatformSelection.DEFAULT, ScanLimits.DEFAULT).getFirst();
    }

    public static List<ImageReport> scan(String target, PlatformSelection platforms, ScanLimits limits) throws IOException {
        Scanner scanner = new Scanner(Detectors.builtIn(), limits);
        List<ImageReport> reports = new ArrayList<>();
        try (ImageSource source = Sources.open(Target.parse(target))) {
            for (Image image : source.images(platforms)) {
                reports.add(scanner.scan(target, image));
            }
        }
        return reports;
    }

    /** "ruleId path" of each finding, for compact assertions. */
    public static List<String> rulesAndPaths(ImageReport report) {
        return report.findings().stream().map(f -> f.rule().id() + " " + (f.path() == null ? "-" : f.path())).toList();
    }
}
