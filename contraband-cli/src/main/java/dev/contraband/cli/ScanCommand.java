package dev.contraband.cli;

import dev.contraband.detect.Severity;
import dev.contraband.image.Image;
import dev.contraband.image.Platform;
import dev.contraband.layer.ScanLimits;
import dev.contraband.report.ReportFormat;
import dev.contraband.scan.Detectors;
import dev.contraband.scan.Family;
import dev.contraband.detect.secret.SecretRuleSet;
import dev.contraband.feed.FeedSet;
import dev.contraband.feed.HashFeed;
import dev.contraband.scan.IgnoreFile;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Scanner;
import dev.contraband.source.ImageSource;
import dev.contraband.source.PlatformSelection;
import dev.contraband.source.Sources;
import dev.contraband.source.Target;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code contraband scan TARGET}: scans one image and prints a report. */
@Command(name = "scan",
        mixinStandardHelpOptions = true,
        versionProvider = ContrabandCommand.Version.class,
        sortOptions = false,
        description = {
                "Scans one container image, layer by layer, and reports what it finds.",
                "",
                "TARGET is one of:",
                "  docker-archive:PATH[:TAG]   a `docker save` tarball (TAG picks one of several images)",
                "  oci:DIR[:REF]               an OCI image layout folder (REF = org.opencontainers.image.ref.name)",
                "  oci-archive:FILE[:REF]      a tar of an OCI image layout",
                "  dir:PATH                    a root filesystem folder, scanned as one layer",
                "  [registry:]REFERENCE        an image in a registry, as docker pull names it: nginx:1.27,",
                "                              ghcr.io/org/app@sha256:…, 127.0.0.1:5000/team/app:v1",
                ""},
        footer = {"",
                "Examples:",
                "  contraband scan docker-archive:app.tar",
                "  contraband scan registry.example.com/team/app:1.4 --username ci --password-stdin < token",
                "  contraband scan oci:./layout:v1.2 --format json --output report.json",
                "  contraband scan oci-archive:img.tar --format sarif -o contraband.sarif --fail-on medium",
                "  contraband scan oci:./multiarch --platform linux/arm64/v8",
                "  contraband scan dir:/srv/rootfs --severity critical,high",
                "  contraband scan docker-archive:app.tar --image-name vibersastra/golang:latest",
                "",
                "Exit codes:",
                "  0  no finding at or above --fail-on",
                "  1  at least one finding at or above --fail-on",
                "  2  the scan could not be done (bad input, unreadable image, bad flag); one line on stderr says why"})
final class ScanCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TARGET", description = "The image to scan (see above).")
    String target;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Report format: table, json or sarif (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
            description = "Exit with 1 when a finding has this severity or a higher one: critical, high, medium, "
                    + "low, info, or none to never fail (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = {"-s", "--severity"}, paramLabel = "SEVERITIES", split = ",",
            description = "Show only findings of these severities, comma-separated (default: all). "
                    + "The verdict and --fail-on still consider every finding.")
    List<String> severities;

    @Option(names = "--scanners", paramLabel = "FAMILIES", split = ",",
            description = "Run only these detector families, comma-separated: artifact, secret, miner, network, "
                    + "behavior, name (default: all).")
    List<String> scanners;

    @Option(names = "--image-name", paramLabel = "NAME",
            description = "The name the image is published or pulled under, checked for impostor names "
                    + "(default: the archive's own tag or the layout's ref annotation).")
    String imageName;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
            description = "The image to pick from a multi-platform index (default: linux/amd64).")
    String platform;

    @Option(names = "--all-platforms", description = "Scan every platform of a multi-platform index.")
    boolean allPlatforms;

    @CommandLine.Mixin
    LimitOptions limits;

    @CommandLine.Mixin
    SecretOptions secrets;

    @CommandLine.Mixin
    IndicatorOptions indicators;

    @Option(names = "--ignorefile", paramLabel = "FILE",
            description = "Findings to leave out: fingerprints, rule ids or path globs, one a line "
                    + "(default: " + IgnoreFile.DEFAULT_NAME + " in the working folder, when present).")
    Path ignoreFile;

    @Option(names = "--no-progress", description = "Do not show progress on stderr (it is off anyway when stderr is not a terminal).")
    boolean noProgress;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Mixin
    RegistryOptions registry;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        ScanRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        IgnoreFile ignores;
        try {
            ignores = ignores();
        } catch (IOException e) {
            Errors.print(err, target, e, debug);
            return ExitCodes.ERROR;
        }
        Progress progress = new Progress(err, !noProgress && Progress.stderrIsTerminal());
        List<ImageReport> reports = new ArrayList<>();
        boolean failed = false;
        try (ImageSource source = Sources.open(request.target(), registry.settings())) {
            // Manifests first: meanwhile Main's warm-up compiles the rules on the other core.
            List<Image> images = source.images(request.platforms());
            Scanner scanner = new Scanner(detectors(request.families()), request.limits(), progress);
            for (Image image : images) {
                try {
                    reports.add(ignores.apply(scanner.scan(target, named(image))));
                } catch (IOException e) {
                    progress.clear();
                    Errors.print(err, target, e, debug);
                    failed = true;
                    if (!request.platforms().all()) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            progress.clear();
            Errors.print(err, target, e, debug);
            failed = true;
        }
        progress.clear();
        if (!reports.isEmpty() || !failed) {
            try {
                writeReports(request, reports);
            } catch (IOException e) {
                Errors.print(err, String.valueOf(output), e, debug);
                return ExitCodes.ERROR;
            }
        }
        if (failed) {
            return ExitCodes.ERROR;
        }
        boolean findings = request.failOn() != null && reports.stream().anyMatch(r -> r.hasFindingAtLeast(request.failOn()));
        return findings ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
    }

    /** The detectors of {@code families}; the others are not made, nor their rules and feeds loaded. */
    private Detectors detectors(Set<Family> families) throws IOException {
        SecretRuleSet rules = families.contains(Family.SECRET) ? secrets.ruleSet()
                : SecretRuleSet.of(true, List.of(), Set.of(), Set.of());
        FeedSet feeds = families.contains(Family.NETWORK) ? indicators.feedSet()
                : FeedSet.of(List.of(), List.of(), FeedSet.DEFAULT_NRD_DAYS, LocalDate.now());
        HashFeed hashes = families.contains(Family.MINER) ? indicators.hashFeed() : HashFeed.empty();
        return Detectors.with(rules, feeds, hashes, families);
    }

    /** The image under the name given by --image-name, when there is one. */
    private Image named(Image image) {
        return imageName == null ? image
                : new Image(imageName, image.digest(), image.config(), image.layers(), image.opener());
    }

    /** The validated command line. */
    record ScanRequest(Target target, ReportFormat format, Severity failOn, Set<Severity> shown,
                       PlatformSelection platforms, ScanLimits limits, Set<Family> families) {
    }

    private ScanRequest request() {
        Target t = Target.parse(target);
        ReportFormat f = ReportFormat.parse(format);
        Severity fail = failOn.equalsIgnoreCase("none") ? null : Severity.parse(failOn);
        Set<Severity> shown = EnumSet.allOf(Severity.class);
        if (severities != null && !severities.isEmpty()) {
            shown = EnumSet.noneOf(Severity.class);
            for (String s : severities) {
                shown.add(Severity.parse(s));
            }
        }
        if (imageName != null) {
            dev.contraband.detect.name.ImageName.parse(imageName);
        }
        if (allPlatforms && platform != null) {
            throw new IllegalArgumentException("--platform and --all-platforms cannot be used together");
        }
        PlatformSelection platforms = allPlatforms ? PlatformSelection.allPlatforms()
                : platform != null ? PlatformSelection.of(Platform.parse(platform)) : PlatformSelection.DEFAULT;
        Set<Family> families = scanners == null || scanners.isEmpty() ? EnumSet.allOf(Family.class)
                : Family.parse(scanners);
        return new ScanRequest(t, f, fail, shown, platforms, limits.limits(), families);
    }

    private IgnoreFile ignores() throws IOException {
        if (ignoreFile != null) {
            if (!Files.isRegularFile(ignoreFile)) {
                throw new IOException("--ignorefile " + ignoreFile + ": no such file");
            }
            return IgnoreFile.load(ignoreFile);
        }
        Path byDefault = Path.of(IgnoreFile.DEFAULT_NAME);
        return Files.isRegularFile(byDefault) ? IgnoreFile.load(byDefault) : IgnoreFile.none();
    }

    private void writeReports(ScanRequest request, List<ImageReport> reports) throws IOException {
        List<ImageReport> shown = reports.stream().map(r -> r.onlySeverities(request.shown())).toList();
        boolean single = !request.platforms().all();
        if (output == null) {
            boolean color = request.format() == ReportFormat.TABLE && System.console() != null
                    && System.console().isTerminal() && System.getenv("NO_COLOR") == null;
            request.format().reporter(color).write(shown, single, System.out);
            return;
        }
        Path absolute = output.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            // A device or a pipe (-o /dev/null, -o /dev/stdout): write into it; never replace it with a file.
            try (OutputStream out = Files.newOutputStream(absolute)) {
                request.format().reporter(false).write(shown, single, out);
            }
            return;
        }
        Path parent = absolute.getParent();
        // A regular file is written beside and moved into place, so a failed run never leaves half a report.
        Path tmp = Files.createTempFile(parent, ".contraband-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                request.format().reporter(false).write(shown, single, out);
            }
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
