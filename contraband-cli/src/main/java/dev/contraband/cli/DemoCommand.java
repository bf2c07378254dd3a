package dev.contraband.cli;

import dev.contraband.layer.ScanLimits;
import dev.contraband.report.ReportFormat;
import dev.contraband.sample.SampleImages;
import dev.contraband.scan.Detectors;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Scanner;
import dev.contraband.source.ImageSource;
import dev.contraband.source.PlatformSelection;
import dev.contraband.source.Sources;
import dev.contraband.source.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code contraband demo}: builds the bundled sample images, offline, and scans them. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = ContrabandCommand.Version.class,
        description = {
                "Builds sample images and scans them, offline.",
                "",
                "The samples go to a temporary folder: a clean application, a dropper that shares its base",
                "layer and plants findings (one deleted by a later layer), and a miner with its pool and wallet.",
                "They are scanned as `contraband scan` would scan them. Needs no network.",
                ""},
        footer = {"",
                "Examples:",
                "  contraband demo",
                "  contraband demo --keep ./samples      keep the images to scan them yourself afterwards"})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--keep", paramLabel = "DIR",
            description = "Write the sample images to DIR and keep them, instead of a temporary folder.")
    Path keep;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Report format: table, json or sarif (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        ReportFormat reportFormat = ReportFormat.parse(format);
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("contraband-demo-");
        try {
            List<SampleImages.Sample> samples = SampleImages.write(dir);
            Scanner scanner = new Scanner(Detectors.builtIn(), ScanLimits.DEFAULT);
            int malicious = 0;
            for (SampleImages.Sample sample : samples) {
                if (reportFormat == ReportFormat.TABLE) {
                    out.println("== " + sample.name() + ": " + sample.description());
                    out.println("== contraband scan " + sample.target());
                    out.println();
                }
                try (ImageSource source = Sources.open(Target.parse(sample.target()))) {
                    ImageReport report = scanner.scan(sample.target(), source.images(PlatformSelection.DEFAULT).getFirst());
                    reportFormat.reporter(false).write(List.of(report), true, out);
                    if (report.verdict().status() != dev.contraband.scan.Verdict.Status.CLEAN) {
                        malicious++;
                    }
                } catch (IOException e) {
                    Errors.print(System.err, sample.target(), e, debug);
                    return ExitCodes.ERROR;
                }
                out.println();
            }
            if (reportFormat == ReportFormat.TABLE) {
                out.println(samples.size() + " sample images scanned, " + malicious + " flagged."
                        + (keep != null ? " They are in " + dir + "; scan them again with the targets above." : ""));
            }
            return ExitCodes.CLEAN;
        } finally {
            if (keep == null) {
                deleteTree(dir);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
