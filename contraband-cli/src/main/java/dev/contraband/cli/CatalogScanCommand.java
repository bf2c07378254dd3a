package dev.contraband.cli;

import dev.contraband.catalog.exec.CatalogScan;
import dev.contraband.catalog.exec.Counters;
import dev.contraband.catalog.plan.Lister;
import dev.contraband.catalog.plan.TagSelection;
import dev.contraband.catalog.store.Store;
import dev.contraband.detect.name.DescriptionChecker;
import dev.contraband.feed.FeedSet;
import dev.contraband.image.ImageException;
import dev.contraband.image.Platform;
import dev.contraband.layer.ScanLimits;
import dev.contraband.registry.DockerHubNamespaces;
import dev.contraband.registry.RegistryClient;
import dev.contraband.scan.Detectors;
import dev.contraband.source.PlatformSelection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code contraband catalog scan}: lists images, plans them, scans each unique layer once, commits image by image. */
@Command(name = "scan",
        mixinStandardHelpOptions = true,
        versionProvider = ContrabandCommand.Version.class,
        sortOptions = false,
        description = {
                "Scans every image of the given sources into the store. Run it again to resume after a crash or",
                "to add sources: images already done are kept, layers already scanned (with the same detectors)",
                "are reused. Without a source it finishes what the store has pending.",
                "Docker Hub repositories' descriptions are checked for links to the domains of malicious-website",
                "feeds (--feed, --feeds-dir); one without tags that has such links is recorded as an imageless",
                "repository.",
                ""},
        footer = {"",
                "Exit codes: 0 the run finished (failed images are in the store: see --retry-failed),",
                "2 it could not run (bad flag, store or registry listing unreachable)."})
final class CatalogScanCommand implements Callable<Integer> {
    @Option(names = "--registry", paramLabel = "URL", description = "Every repository of this registry's /v2/_catalog (host:port or http(s)://host:port).")
    List<String> registries = new ArrayList<>();

    @Option(names = "--prefix", paramLabel = "NS/", description = "With --registry: only repositories whose name starts with this.")
    String prefix;

    @Option(names = "--dockerhub-namespace", paramLabel = "NS", description = "Every repository of this Docker Hub namespace (Hub's API).")
    List<String> hubNamespaces = new ArrayList<>();

    @Option(names = "--dockerhub-api", paramLabel = "URL", hidden = true, defaultValue = "https://hub.docker.com/",
            description = "Docker Hub's API (a test server of the same shape).")
    URI hubApi;

    @Option(names = "--dockerhub-registry", paramLabel = "HOST", hidden = true,
            description = "Pull Hub repositories from this registry instead of docker.io (tests).")
    String hubRegistry;

    @Option(names = "--list", paramLabel = "FILE", description = "References, one a line; lines starting with # are comments.")
    List<Path> lists = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "latest|all|N", defaultValue = "latest",
            description = "Tags of each repository: latest, all, or the N most recent by config created (default: ${DEFAULT-VALUE}). "
                    + "A --list line with a tag or digest is taken as it is.")
    String tags;

    @Option(names = "--db", paramLabel = "PATH|JDBC-URL", defaultValue = "contraband-catalog.db",
            description = "The result store: an SQLite file, or jdbc:postgresql://HOST/DB?user=…&password=… (default: ${DEFAULT-VALUE}).")
    String db;

    @Option(names = "--concurrency", paramLabel = "N", description = "Layers scanned at the same time (default: the number of CPUs).")
    Integer concurrency;

    @Option(names = "--retry-failed", description = "Scan again the images a previous run recorded as failed.")
    boolean retryFailed;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "The image to pick from multi-platform indexes (default: linux/amd64).")
    String platform;

    @Option(names = "--lease", paramLabel = "SECONDS", defaultValue = "120",
            description = "A worker's claim on an image or layer lapses after this long without renewal (default: ${DEFAULT-VALUE}).")
    int leaseSeconds;

    @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "10",
            description = "When stderr is not a terminal, print a progress line this often; 0 for none (default: ${DEFAULT-VALUE}).")
    int progressInterval;

    @Option(names = "--no-progress", description = "No progress on stderr; the final summary is still printed.")
    boolean noProgress;

    @CommandLine.Mixin
    LimitOptions limits;

    @CommandLine.Mixin
    SecretOptions secrets;

    @CommandLine.Mixin
    IndicatorOptions indicators;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Mixin
    RegistryOptions registry;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        TagSelection tagSelection;
        PlatformSelection platforms;
        int width = concurrency == null ? Runtime.getRuntime().availableProcessors() : concurrency;
        try {
            tagSelection = TagSelection.parse(tags);
            platforms = platform == null ? PlatformSelection.DEFAULT : PlatformSelection.of(Platform.parse(platform));
            if (width < 1) {
                throw new IllegalArgumentException("--concurrency must be at least 1");
            }
            if (leaseSeconds < 5) {
                throw new IllegalArgumentException("--lease must be at least 5 seconds");
            }
            if (prefix != null && registries.isEmpty()) {
                throw new IllegalArgumentException("--prefix needs --registry");
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Counters counters = new Counters();
        String worker = CatalogScan.newWorkerId();
        Detectors detectors;
        DescriptionChecker descriptions;
        try {
            // Before the store is opened: a bad --feed or rule file must not leave a new, empty store behind.
            FeedSet feeds = indicators.feedSet();
            detectors = Detectors.with(secrets.ruleSet(), feeds, indicators.hashFeed());
            descriptions = DescriptionChecker.of(feeds);
        } catch (IOException e) {
            Errors.print(err, "catalog scan", e, debug);
            return ExitCodes.ERROR;
        }
        try (Store store = Store.open(db, width * 2 + 4);
             RegistryClient client = RegistryClient.create(registry.settings())) {
            ScanLimits scanLimits = limits.limits();
            if (!store.shared()) {
                store.dropAllClaims(); // a crashed run's claims: SQLite has one process at a time
            }
            if (retryFailed) {
                int n = store.retryFailed();
                err.println("contraband: retrying " + n + " failed image" + (n == 1 ? "" : "s"));
            }
            CatalogScan scan = new CatalogScan(store, client, detectors, descriptions,
                    new CatalogScan.Options(width, Duration.ofSeconds(leaseSeconds), platforms, scanLimits), counters, worker);
            long run = store.startRun(worker, describeSources(), scan.layerKey());
            ProgressLine progress = new ProgressLine(err, counters, noProgress ? ProgressLine.Mode.NONE
                    : Progress.stderrIsTerminal() ? ProgressLine.Mode.TERMINAL
                    : progressInterval > 0 ? ProgressLine.Mode.PLAIN : ProgressLine.Mode.NONE, progressInterval);
            progress.start();
            Store.RunTotals totals;
            try {
                list(store, client, scan, tagSelection, descriptions, run);
                totals = scan.run(run);
            } finally {
                progress.stop();
            }
            store.finishRun(run, totals);
            Store.Counts counts = store.counts();
            err.println(String.format(Locale.ROOT,
                    "contraband: catalog scan of %s finished in %.1f s: %d images done, %d failed this run; "
                            + "%d layers scanned, %d reused, %.1f MB; store: %d done, %d failed, %d pending",
                    store.describe(), counters.seconds(), totals.imagesDone(), totals.imagesFailed(),
                    totals.layersScanned(), totals.layersReused(), totals.bytesScanned() / 1e6,
                    counts.done(), counts.failed(), counts.pending() + counts.planned()));
            return ExitCodes.CLEAN;
        } catch (IOException e) {
            Errors.print(err, "catalog scan", e, debug);
            return ExitCodes.ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("contraband: catalog scan: interrupted");
            return ExitCodes.ERROR;
        }
    }

    private void list(Store store, RegistryClient client, CatalogScan scan, TagSelection tagSelection,
                      DescriptionChecker descriptions, long run) throws IOException {
        Lister lister = new Lister(client, tagSelection, descriptions);
        List<Lister.Source> sources = new ArrayList<>();
        registries.forEach(r -> sources.add(new Lister.Source.Registry(r, prefix)));
        hubNamespaces.forEach(ns -> sources.add(new Lister.Source.HubNamespace(ns, hubApi == null ? DockerHubNamespaces.DOCKER_HUB : hubApi, hubRegistry)));
        lists.forEach(f -> sources.add(new Lister.Source.ListFile(f)));
        for (Lister.Source source : sources) {
            scan.record(lister.list(source), run);
        }
        if (sources.isEmpty() && store.counts().total() == 0) {
            throw new ImageException("nothing to scan: give --registry, --dockerhub-namespace or --list");
        }
    }

    private String describeSources() {
        List<String> parts = new ArrayList<>();
        registries.forEach(r -> parts.add("registry " + r + (prefix == null ? "" : " prefix " + prefix)));
        hubNamespaces.forEach(n -> parts.add("dockerhub " + n));
        lists.forEach(l -> parts.add("list " + l));
        parts.add("tags " + tags);
        return String.join("; ", parts);
    }
}
