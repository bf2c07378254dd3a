package dev.contraband.catalog.exec;

import dev.contraband.catalog.plan.Lister;
import dev.contraband.catalog.store.Codecs;
import dev.contraband.catalog.store.Store;
import dev.contraband.catalog.store.Store.ImageRow;
import dev.contraband.catalog.store.Store.PlannedImage;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Rule;
import dev.contraband.detect.name.DescriptionChecker;
import dev.contraband.image.Digest;
import dev.contraband.image.Image;
import dev.contraband.image.ImageConfig;
import dev.contraband.image.LayerDescriptor;
import dev.contraband.layer.LayerReport;
import dev.contraband.layer.ScanLimits;
import dev.contraband.registry.Reference;
import dev.contraband.registry.RegistryClient;
import dev.contraband.report.JsonReporter;
import dev.contraband.scan.Detectors;
import dev.contraband.scan.ImageAssembler;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Scanner;
import dev.contraband.source.PlatformSelection;
import dev.contraband.source.RegistrySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The local executor of a catalog scan, in two phases over the store: <b>plan</b> (claim pending images, read their
 * manifest and config, record their layers) and <b>scan</b> (claim planned images; for each layer take the stored
 * report, or claim the layer and scan it once; assemble the image and commit it with its findings). Virtual threads;
 * at most {@code concurrency} layers are scanned at a time and a few more images are in flight (waiting on a layer
 * another image is scanning costs no scan slot). Memory is bounded: images are claimed in small batches, layer
 * reports are held only while their images are assembled. Repository metadata rides along: an image of a Docker Hub
 * repository whose description links to bad domains gets those findings beside its image findings, and an imageless
 * repository of the listing is recorded with its own (docs/catalog.md).
 */
public final class CatalogScan {
    public record Options(int concurrency, Duration lease, PlatformSelection platforms, ScanLimits limits) {
        public Options {
            if (concurrency < 1) {
                throw new IllegalArgumentException("--concurrency must be at least 1");
            }
        }
    }

    private record LayerResult(LayerReport report, boolean scannedHere) {
    }

    private final Store store;
    private final RegistryClient client;
    private final Detectors detectors;
    private final DescriptionChecker descriptions;
    private final List<Rule> reportRules;
    private final Options options;
    private final Counters counters;
    private final Scanner scanner;
    private final String layerKey;
    private final String worker;
    private final Map<String, Rule> rules = new HashMap<>();
    private final Semaphore scanSlots;
    private final ConcurrentHashMap<String, CompletableFuture<LayerResult>> inflight = new ConcurrentHashMap<>();
    private long run;

    /** @param descriptions checks repository descriptions; made from the same feeds as {@code detectors} */
    public CatalogScan(Store store, RegistryClient client, Detectors detectors, DescriptionChecker descriptions,
                       Options options, Counters counters, String worker) {
        this.store = store;
        this.client = client;
        this.detectors = detectors;
        this.descriptions = descriptions;
        List<Rule> all = new ArrayList<>(detectors.rules());
        all.addAll(DescriptionChecker.RULES);
        this.reportRules = List.copyOf(all);
        this.options = options;
        this.counters = counters;
        this.scanner = new Scanner(detectors, options.limits());
        this.layerKey = layerKey(detectors, options.limits());
        this.worker = worker;
        this.scanSlots = new Semaphore(options.concurrency());
        detectors.rules().forEach(r -> rules.putIfAbsent(r.id(), r));
    }

    /**
     * Records what a listing found under run {@code runId}: new images as pending, repositories whose tags could
     * not be listed as failed, imageless repositories as done with their description findings.
     */
    public void record(Lister.Listing listing, long runId) throws IOException {
        store.addImages(listing.images());
        for (Lister.Problem p : listing.problems()) {
            store.addFailed(new ImageRow(p.ref(), p.repository(), p.namespace(), null), runId, p.error());
        }
        for (ImageRow repository : listing.imageless()) {
            ImageReport report = ImagelessRepository.report(repository, descriptions, reportRules);
            store.addRepository(repository, runId, report, json(report));
        }
    }

    private static byte[] json(ImageReport report) throws IOException {
        return Codecs.gzip(JsonReporter.toJson(report).toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The key layer reports are stored under: file detectors (ids, versions, rule-set hash), limits, store format. */
    public static String layerKey(Detectors detectors, ScanLimits limits) {
        String key = detectors.fileDetectorsKey() + "|limits=" + limits.maxLayerBytes() + "," + limits.maxFileBytes()
                + "," + limits.maxArchiveDepth() + "|format=" + Codecs.LAYER_FORMAT;
        return Digest.sha256Of(key.getBytes(StandardCharsets.UTF_8)).hex();
    }

    /** A worker id unique to this process: host, pid and a random part. */
    public static String newWorkerId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid() + ":" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 16));
    }

    public String layerKey() {
        return layerKey;
    }

    /** Plans and scans until nothing claimable is left; returns this run's totals. */
    public Store.RunTotals run(long runId) throws IOException, InterruptedException {
        this.run = runId;
        Thread heartbeat = null;
        if (store.shared()) {
            long every = Math.max(1000, options.lease().toMillis() / 4);
            heartbeat = Thread.ofVirtual().name("catalog-heartbeat").start(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(every);
                        store.heartbeat(worker, System.currentTimeMillis());
                    }
                } catch (InterruptedException ignored) {
                    // run over
                } catch (IOException e) {
                    // the next heartbeat tries again; a lost claim is noticed at commit
                }
            });
        }
        try {
            Store.Counts before = store.counts();
            counters.imagesDoneBefore.set(before.done());
            counters.imagesTotal.set(before.total() - before.failed() + 0);
            counters.phase = "planning";
            drain("pending", options.concurrency() * 4, this::plan);
            counters.phase = "scanning";
            drain("planned", options.concurrency() * 2, this::scan);
            counters.phase = "done";
        } finally {
            if (heartbeat != null) {
                heartbeat.interrupt();
            }
            store.dropClaims(worker);
        }
        return new Store.RunTotals(counters.imagesDone.get(), counters.imagesFailed.get(), counters.layersScanned.get(),
                counters.layersReused.get(), counters.bytesScanned.get());
    }

    private interface Task {
        void run(ImageRow row) throws Exception;
    }

    /** Claims images in {@code status} while any are left, running at most {@code width} tasks at a time. */
    private void drain(String status, int width, Task task) throws IOException, InterruptedException {
        Semaphore slots = new Semaphore(width);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            while (true) {
                slots.acquire();
                int want = 1 + slots.drainPermits();
                long now = System.currentTimeMillis();
                List<ImageRow> rows = store.claimImages(status, worker, want, now, now - options.lease().toMillis());
                slots.release(want - rows.size());
                if (rows.isEmpty()) {
                    if (slots.availablePermits() == width) {
                        break; // nothing left and nothing running
                    }
                    slots.acquire(); // wait for a task to end: it may free up nothing, but time passes
                    slots.release();
                    Thread.sleep(50);
                    continue;
                }
                for (ImageRow row : rows) {
                    threads.submit(() -> {
                        try {
                            task.run(row);
                        } catch (Exception e) {
                            fail(row, e);
                        } finally {
                            slots.release();
                        }
                        return null;
                    });
                }
            }
        }
    }

    private void fail(ImageRow row, Exception e) {
        Throwable cause = e instanceof ExecutionException || e instanceof UncheckedIOException ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        try {
            store.failed(row.ref(), worker, run, message);
            counters.imagesFailed.incrementAndGet();
        } catch (IOException stored) {
            // the claim lapses and the image is retried by the next run
        }
    }

    private void plan(ImageRow row) throws IOException {
        Reference ref = Reference.parse(row.ref());
        try (RegistrySource source = RegistrySource.shared(ref, client, row.ref())) {
            List<Image> images = source.images(options.platforms());
            if (images.isEmpty()) {
                throw new IOException("no image for " + options.platforms().wanted());
            }
            Image image = images.getFirst();
            for (LayerDescriptor l : image.layers()) {
                if (l.digest() == null) {
                    throw new IOException("layer " + l.index() + " has no digest");
                }
            }
            store.planned(row.ref(), worker, image.digest() == null ? null : image.digest().toString(), image.config(), image.layers());
            counters.imagesPlanned.incrementAndGet();
        }
    }

    private void scan(ImageRow row) throws Exception {
        PlannedImage planned = store.loadPlanned(row.ref());
        Reference ref = Reference.parse(row.ref());
        Image image = new Image(row.ref(), planned.digest() == null ? null : Digest.parse(planned.digest()),
                planned.config(), planned.layers(), l -> client.blob(ref, l.digest(), l.size()));
        List<Future<LayerResult>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (LayerDescriptor l : planned.layers()) {
                futures.add(threads.submit(() -> layer(image, l)));
            }
        }
        List<LayerReport> reports = new ArrayList<>();
        for (Future<LayerResult> f : futures) {
            LayerResult r;
            try {
                r = f.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception x ? x : e;
            }
            if (!r.scannedHere()) {
                counters.layersReused.incrementAndGet();
            }
            reports.add(r.report());
        }
        List<Finding> imageFindings = new ArrayList<>(scanner.imageFindings(image));
        imageFindings.addAll(descriptions.check(row.description())); // on every image of the repository: each links there
        ImageReport report = ImageAssembler.assemble(row.ref(), image, reports, imageFindings, reportRules);
        if (store.complete(row.ref(), worker, run, report, json(report))) {
            counters.imagesDone.incrementAndGet();
        }
    }

    /** The report of one layer: shared with an image of this process scanning it now, stored, or scanned here. */
    private LayerResult layer(Image image, LayerDescriptor l) throws IOException, InterruptedException {
        String digest = l.digest().toString();
        CompletableFuture<LayerResult> mine = new CompletableFuture<>();
        CompletableFuture<LayerResult> running = inflight.putIfAbsent(digest, mine);
        if (running != null) {
            try {
                return new LayerResult(running.get().report(), false);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
        try {
            LayerResult r = obtain(image, l);
            mine.complete(r);
            return r;
        } catch (IOException | InterruptedException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inflight.remove(digest, mine);
        }
    }

    private LayerResult obtain(Image image, LayerDescriptor l) throws IOException, InterruptedException {
        String digest = l.digest().toString();
        long deadline = System.currentTimeMillis() + 2 * options.lease().toMillis() + 60_000;
        long wait = 100;
        while (true) {
            byte[] stored = store.layerReport(digest, layerKey);
            if (stored != null) {
                return new LayerResult(Codecs.decodeLayer(stored, rules::get), false);
            }
            long now = System.currentTimeMillis();
            if (store.claimLayer(digest, layerKey, worker, now, now - options.lease().toMillis())) {
                scanSlots.acquire();
                try {
                    LayerReport report = scanner.scanLayer(image, l);
                    store.storeLayer(digest, layerKey, worker, report, Codecs.encodeLayer(report));
                    counters.layersScanned.incrementAndGet();
                    counters.bytesScanned.addAndGet(report.storedBytes());
                    return new LayerResult(report, true);
                } catch (IOException | RuntimeException e) {
                    store.releaseLayer(digest, layerKey, worker);
                    throw e;
                } finally {
                    scanSlots.release();
                }
            }
            if (now > deadline) {
                throw new IOException("layer " + digest + ": another worker has been scanning it for too long");
            }
            TimeUnit.MILLISECONDS.sleep(wait); // another worker is scanning it
            wait = Math.min(2000, wait * 2);
        }
    }
}
