package dev.contraband.catalog.store;

import dev.contraband.image.ImageConfig;
import dev.contraband.image.LayerDescriptor;
import dev.contraband.layer.LayerReport;
import dev.contraband.scan.ImageReport;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The catalog result store: runs, images, layer reports by digest + detector key, findings. Every method is one
 * transaction, committed before it returns, so a process killed at any point leaves the store consistent: an image
 * is either done (with all its findings) or not. Claims (a worker id and a time) let several workers share a store:
 * a claim older than the lease is taken over.
 */
public interface Store extends AutoCloseable {
    /** Opens (creating and migrating) the store {@code db}: a {@code jdbc:postgresql:} URL, else an SQLite file path. */
    static Store open(String db, int connections) throws IOException {
        if (db.startsWith("jdbc:postgresql:")) {
            return PostgresStore.open(db, connections);
        }
        if (db.startsWith("jdbc:")) {
            throw new IOException("--db " + db.replaceAll("(?i)password=[^&]*", "password=…")
                    + ": only jdbc:postgresql: URLs and SQLite file paths are supported");
        }
        return SqliteStore.open(java.nio.file.Path.of(db.startsWith("sqlite:") ? db.substring(7) : db));
    }

    /**
     * An image to scan as listed: its reference and where it belongs; {@code description} is the repository's
     * description as Docker Hub listed it, or null (other sources have none).
     */
    record ImageRow(String ref, String repository, String namespace, String tag, String description) {
        public ImageRow(String ref, String repository, String namespace, String tag) {
            this(ref, repository, namespace, tag, null);
        }
    }

    /** An image whose manifest and config have been read. */
    record PlannedImage(String ref, String repository, String digest, ImageConfig config, List<LayerDescriptor> layers) {
    }

    /** Image counts by status, for progress. */
    record Counts(long pending, long planned, long done, long failed) {
        public long total() {
            return pending + planned + done + failed;
        }
    }

    /** What one run did. */
    record RunTotals(long imagesDone, long imagesFailed, long layersScanned, long layersReused, long bytesScanned) {
    }

    /** How the store is named in messages (no password). */
    String describe();

    /** Whether other processes may be using the store at the same time (PostgreSQL); SQLite is one process at a time. */
    boolean shared();

    /** The applied schema version. */
    int schemaVersion() throws IOException;

    long startRun(String worker, String sources, String detectorKey) throws IOException;

    void finishRun(long run, RunTotals totals) throws IOException;

    /** Adds images not yet in the store (as pending); returns how many were new. */
    int addImages(List<ImageRow> rows) throws IOException;

    /** Adds an image that could not even be listed (its tags), as failed; kept as it is when the image is known. */
    void addFailed(ImageRow row, long run, String error) throws IOException;

    /**
     * Records a repository without images ({@code ref} is {@code REPOSITORY:*}, as for a failed tag listing) as done,
     * with its verdict, findings and report, in one transaction: a Docker Hub repository with no tags whose
     * description links to bad domains. A row of the same ref that is not done (a failed listing, one put back by
     * {@code --retry-failed}) is replaced; a done one is kept, as done images are. Returns whether it was written.
     */
    boolean addRepository(ImageRow row, long run, ImageReport report, byte[] reportJson) throws IOException;

    /** Drops every claim (a store only this process uses, after a crash). */
    void dropAllClaims() throws IOException;

    /** Drops this worker's claims on images and layers (at the end of a run). */
    void dropClaims(String worker) throws IOException;

    /** Puts failed images back to pending; returns how many. */
    int retryFailed() throws IOException;

    /** Claims up to {@code max} images in {@code status} that nobody holds (or whose claim is older than {@code staleBefore}). */
    List<ImageRow> claimImages(String status, String worker, int max, long now, long staleBefore) throws IOException;

    /** Records an image's manifest and config (pending -> planned) and releases the claim. */
    void planned(String ref, String worker, String digest, ImageConfig config, List<LayerDescriptor> layers) throws IOException;

    /** Records an image as failed with {@code error}; releases the claim. */
    void failed(String ref, String worker, long run, String error) throws IOException;

    PlannedImage loadPlanned(String ref) throws IOException;

    /** The stored report of a layer under {@code key}, or null. */
    byte[] layerReport(String digest, String key) throws IOException;

    /** Claims the scan of a layer: true when this worker must scan it (no one did, or the other claim is stale). */
    boolean claimLayer(String digest, String key, String worker, long now, long staleBefore) throws IOException;

    void storeLayer(String digest, String key, String worker, LayerReport report, byte[] encoded) throws IOException;

    /** Gives up a layer claim (its scan failed). */
    void releaseLayer(String digest, String key, String worker) throws IOException;

    /**
     * Commits an image's result and findings in one transaction, only while this worker holds its claim; false when
     * it does not (another worker took the image over), and nothing is written.
     */
    boolean complete(String ref, String worker, long run, ImageReport report, byte[] reportJson) throws IOException;

    /** Renews this worker's claims. */
    void heartbeat(String worker, long now) throws IOException;

    Counts counts() throws IOException;

    /** Runs read-only SQL (portable across both stores) for reports and exports. */
    <T> T read(SqlFunction<T> query) throws IOException;

    @FunctionalInterface
    interface SqlFunction<T> {
        T apply(Connection c) throws SQLException, IOException;
    }

    @Override
    void close() throws IOException;
}
