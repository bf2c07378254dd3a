package dev.contraband.catalog.store;

import dev.contraband.image.Digest;
import dev.contraband.image.LayerDescriptor;
import dev.contraband.layer.LayerReport;
import dev.contraband.scan.ImageReport;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SQL both stores share; the subclasses hand out connections and say how rows are locked. */
abstract class JdbcStore implements Store {
    /** Runs {@code work} in one transaction on a connection of the store and commits it. */
    abstract <T> T tx(SqlFunction<T> work) throws IOException;

    /** Appended to the SELECT that picks images to claim ("FOR UPDATE SKIP LOCKED" on PostgreSQL). */
    abstract String lockSuffix();

    /** The folder of this dialect's migrations. */
    abstract String dialect();

    /** Locks the store against concurrent migration, inside the migration transaction. */
    void lockForMigration(Connection c) throws SQLException {
    }

    final void migrate() throws IOException {
        tx(c -> {
            lockForMigration(c);
            Migrations.apply(c, dialect(), describe());
            return null;
        });
    }

    @Override
    public int schemaVersion() throws IOException {
        return tx(Migrations::version);
    }

    @Override
    public long startRun(String worker, String sources, String detectorKey) throws IOException {
        return tx(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO runs (worker, sources, detector_key, started_at) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, worker);
                p.setString(2, sources);
                p.setString(3, detectorKey);
                p.setString(4, Instant.now().toString());
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public void finishRun(long run, RunTotals t) throws IOException {
        update("UPDATE runs SET finished_at = ?, images_done = ?, images_failed = ?, layers_scanned = ?, layers_reused = ?, bytes_scanned = ? WHERE id = ?",
                Instant.now().toString(), t.imagesDone(), t.imagesFailed(), t.layersScanned(), t.layersReused(), t.bytesScanned(), run);
    }

    @Override
    public int addImages(List<ImageRow> rows) throws IOException {
        if (rows.isEmpty()) {
            return 0;
        }
        return tx(c -> {
            int added = 0;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO images (ref, repository, namespace, tag, description, status, added_at) "
                    + "VALUES (?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (ref) DO NOTHING")) {
                String now = Instant.now().toString();
                for (ImageRow r : rows) {
                    p.setString(1, r.ref());
                    p.setString(2, r.repository());
                    p.setString(3, r.namespace());
                    p.setString(4, r.tag());
                    p.setString(5, r.description());
                    p.setString(6, now);
                    added += p.executeUpdate();
                }
            }
            return added;
        });
    }

    @Override
    public void addFailed(ImageRow r, long run, String error) throws IOException {
        update("INSERT INTO images (ref, repository, namespace, tag, status, error, run_id, added_at, finished_at) "
                + "VALUES (?, ?, ?, ?, 'failed', ?, ?, ?, ?) ON CONFLICT (ref) DO NOTHING", r.ref(), r.repository(), r.namespace(),
                r.tag(), error, run, Instant.now().toString(), Instant.now().toString());
    }

    @Override
    public boolean addRepository(ImageRow r, long run, ImageReport report, byte[] reportJson) throws IOException {
        return tx(c -> {
            String now = Instant.now().toString();
            int n;
            // One statement both stores run: an upsert that leaves a done row alone (SQLite 3.24+ and PostgreSQL).
            try (PreparedStatement p = c.prepareStatement("INSERT INTO images (ref, repository, namespace, tag, description, status, "
                    + "verdict, categories, report, run_id, added_at, finished_at) VALUES (?, ?, ?, NULL, ?, 'done', ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (ref) DO UPDATE SET description = excluded.description, status = 'done', verdict = excluded.verdict, "
                    + "categories = excluded.categories, report = excluded.report, run_id = excluded.run_id, "
                    + "finished_at = excluded.finished_at, error = NULL, claimed_by = NULL, claimed_at = NULL "
                    + "WHERE images.status <> 'done'")) {
                p.setString(1, r.ref());
                p.setString(2, r.repository());
                p.setString(3, r.namespace());
                p.setString(4, r.description());
                p.setString(5, report.verdict().status().id());
                p.setString(6, FindingRows.categories(report));
                p.setBytes(7, reportJson);
                p.setLong(8, run);
                p.setString(9, now);
                p.setString(10, now);
                n = p.executeUpdate();
            }
            if (n == 0) {
                return false;
            }
            FindingRows.replace(c, r.ref(), report.findings());
            return true;
        });
    }

    @Override
    public void dropAllClaims() throws IOException {
        tx(c -> {
            exec(c, "UPDATE images SET claimed_by = NULL, claimed_at = NULL WHERE claimed_by IS NOT NULL");
            exec(c, "DELETE FROM layers WHERE status = 'claimed'");
            return null;
        });
    }

    @Override
    public void dropClaims(String worker) throws IOException {
        tx(c -> {
            exec(c, "UPDATE images SET claimed_by = NULL, claimed_at = NULL WHERE claimed_by = ?", worker);
            exec(c, "DELETE FROM layers WHERE status = 'claimed' AND claimed_by = ?", worker);
            return null;
        });
    }

    @Override
    public int retryFailed() throws IOException {
        return update("UPDATE images SET status = 'pending', error = NULL, claimed_by = NULL, claimed_at = NULL WHERE status = 'failed'");
    }

    @Override
    public List<ImageRow> claimImages(String status, String worker, int max, long now, long staleBefore) throws IOException {
        return tx(c -> {
            List<ImageRow> rows = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT ref, repository, namespace, tag, description FROM images WHERE status = ? "
                    + "AND (claimed_by IS NULL OR claimed_at < ?) ORDER BY ref LIMIT ? " + lockSuffix())) {
                p.setString(1, status);
                p.setLong(2, staleBefore);
                p.setInt(3, max);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        rows.add(new ImageRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE images SET claimed_by = ?, claimed_at = ?, attempts = attempts + 1 WHERE ref = ?")) {
                for (ImageRow row : rows) {
                    p.setString(1, worker);
                    p.setLong(2, now);
                    p.setString(3, row.ref());
                    p.addBatch();
                }
                if (!rows.isEmpty()) {
                    p.executeBatch();
                }
            }
            return rows;
        });
    }

    @Override
    public void planned(String ref, String worker, String digest, dev.contraband.image.ImageConfig config,
                        List<LayerDescriptor> layers) throws IOException {
        tx(c -> {
            int n = exec(c, "UPDATE images SET status = 'planned', digest = ?, platform = ?, config = ?, claimed_by = NULL, claimed_at = NULL "
                    + "WHERE ref = ? AND claimed_by = ? AND status = 'pending'", digest, config.platform().toString(),
                    Codecs.encodeConfig(config), ref, worker);
            if (n == 0) {
                c.rollback();
                return null;
            }
            exec(c, "DELETE FROM image_layers WHERE ref = ?", ref);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO image_layers (ref, idx, digest, diff_id, media_type, size, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (LayerDescriptor l : layers) {
                    p.setString(1, ref);
                    p.setInt(2, l.index());
                    p.setString(3, l.digest().toString());
                    p.setString(4, l.diffId() == null ? null : l.diffId().toString());
                    p.setString(5, l.mediaType());
                    p.setLong(6, l.size());
                    p.setString(7, l.createdBy());
                    p.addBatch();
                }
                if (!layers.isEmpty()) {
                    p.executeBatch();
                }
            }
            return null;
        });
    }

    @Override
    public void failed(String ref, String worker, long run, String error) throws IOException {
        update("UPDATE images SET status = 'failed', error = ?, run_id = ?, finished_at = ?, claimed_by = NULL, claimed_at = NULL "
                + "WHERE ref = ? AND claimed_by = ?", error, run, Instant.now().toString(), ref, worker);
    }

    @Override
    public PlannedImage loadPlanned(String ref) throws IOException {
        return tx(c -> {
            String repository;
            String digest;
            String config;
            try (PreparedStatement p = c.prepareStatement("SELECT repository, digest, config FROM images WHERE ref = ?")) {
                p.setString(1, ref);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        throw new IOException("image " + ref + " is not in the store");
                    }
                    repository = r.getString(1);
                    digest = r.getString(2);
                    config = r.getString(3);
                }
            }
            List<LayerDescriptor> layers = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT idx, digest, diff_id, media_type, size, created_by FROM image_layers WHERE ref = ? ORDER BY idx")) {
                p.setString(1, ref);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        String diffId = r.getString(3);
                        layers.add(new LayerDescriptor(r.getInt(1), Digest.parse(r.getString(2)),
                                diffId == null ? null : Digest.parse(diffId), r.getString(4), r.getLong(5), r.getString(6)));
                    }
                }
            }
            return new PlannedImage(ref, repository, digest, Codecs.decodeConfig(config), layers);
        });
    }

    @Override
    public byte[] layerReport(String digest, String key) throws IOException {
        return tx(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT report FROM layers WHERE digest = ? AND detector_key = ? AND status = 'done'")) {
                p.setString(1, digest);
                p.setString(2, key);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getBytes(1) : null;
                }
            }
        });
    }

    @Override
    public boolean claimLayer(String digest, String key, String worker, long now, long staleBefore) throws IOException {
        return tx(c -> {
            if (exec(c, "INSERT INTO layers (digest, detector_key, status, claimed_by, claimed_at) VALUES (?, ?, 'claimed', ?, ?) "
                    + "ON CONFLICT (digest, detector_key) DO NOTHING", digest, key, worker, now) == 1) {
                return true;
            }
            return exec(c, "UPDATE layers SET claimed_by = ?, claimed_at = ? WHERE digest = ? AND detector_key = ? "
                    + "AND status = 'claimed' AND (claimed_at < ? OR claimed_by = ?)", worker, now, digest, key, staleBefore, worker) == 1;
        });
    }

    @Override
    public void storeLayer(String digest, String key, String worker, LayerReport report, byte[] encoded) throws IOException {
        tx(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE layers SET status = 'done', report = ?, stored_bytes = ?, uncompressed_bytes = ?, "
                    + "scanned_at = ?, claimed_by = NULL, claimed_at = NULL WHERE digest = ? AND detector_key = ? AND status = 'claimed'")) {
                p.setBytes(1, encoded);
                p.setLong(2, report.storedBytes());
                p.setLong(3, report.uncompressedBytes());
                p.setString(4, Instant.now().toString());
                p.setString(5, digest);
                p.setString(6, key);
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void releaseLayer(String digest, String key, String worker) throws IOException {
        update("DELETE FROM layers WHERE digest = ? AND detector_key = ? AND status = 'claimed' AND claimed_by = ?", digest, key, worker);
    }

    @Override
    public boolean complete(String ref, String worker, long run, ImageReport report, byte[] reportJson) throws IOException {
        return tx(c -> {
            String categories = FindingRows.categories(report);
            int n;
            try (PreparedStatement p = c.prepareStatement("UPDATE images SET status = 'done', verdict = ?, categories = ?, report = ?, "
                    + "run_id = ?, finished_at = ?, error = NULL, claimed_by = NULL, claimed_at = NULL "
                    + "WHERE ref = ? AND claimed_by = ? AND status = 'planned'")) {
                p.setString(1, report.verdict().status().id());
                p.setString(2, categories);
                p.setBytes(3, reportJson);
                p.setLong(4, run);
                p.setString(5, Instant.now().toString());
                p.setString(6, ref);
                p.setString(7, worker);
                n = p.executeUpdate();
            }
            if (n == 0) {
                c.rollback();
                return false;
            }
            FindingRows.replace(c, ref, report.findings());
            return true;
        });
    }

    @Override
    public void heartbeat(String worker, long now) throws IOException {
        tx(c -> {
            exec(c, "UPDATE images SET claimed_at = ? WHERE claimed_by = ?", now, worker);
            exec(c, "UPDATE layers SET claimed_at = ? WHERE claimed_by = ? AND status = 'claimed'", now, worker);
            return null;
        });
    }

    @Override
    public Counts counts() throws IOException {
        return tx(c -> {
            long pending = 0, planned = 0, done = 0, failed = 0;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT status, COUNT(*) FROM images GROUP BY status")) {
                while (r.next()) {
                    switch (r.getString(1)) {
                        case "pending" -> pending = r.getLong(2);
                        case "planned" -> planned = r.getLong(2);
                        case "done" -> done = r.getLong(2);
                        case "failed" -> failed = r.getLong(2);
                        default -> {
                        }
                    }
                }
            }
            return new Counts(pending, planned, done, failed);
        });
    }

    @Override
    public <T> T read(SqlFunction<T> query) throws IOException {
        return tx(query);
    }

    static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }

    int update(String sql, Object... args) throws IOException {
        return tx(c -> exec(c, sql, args));
    }

    static int exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                switch (a) {
                    case null -> p.setNull(i + 1, Types.VARCHAR);
                    case String s -> p.setString(i + 1, s);
                    case Long l -> p.setLong(i + 1, l);
                    case Integer n -> p.setInt(i + 1, n);
                    default -> p.setObject(i + 1, a);
                }
            }
            return p.executeUpdate();
        }
    }
}
