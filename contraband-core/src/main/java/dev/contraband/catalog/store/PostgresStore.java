package dev.contraband.catalog.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A store several workers share: PostgreSQL over JDBC, a small fixed pool of connections, images claimed with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} and layers with an insert-claim, so no two workers take the same image or
 * scan the same layer while their claims are live.
 */
public final class PostgresStore extends JdbcStore {
    private final String describe;
    private final BlockingQueue<Connection> pool;
    private final List<Connection> all;

    private PostgresStore(String describe, List<Connection> connections) {
        this.describe = describe;
        this.all = connections;
        this.pool = new ArrayBlockingQueue<>(connections.size(), false, connections);
    }

    public static PostgresStore open(String url, int connections) throws IOException {
        String describe = url.replaceAll("(?i)(password=)[^&]*", "$1…");
        List<Connection> opened = new ArrayList<>();
        try {
            for (int i = 0; i < Math.max(2, connections); i++) {
                Connection c = DriverManager.getConnection(url);
                c.setAutoCommit(false);
                opened.add(c);
            }
        } catch (SQLException e) {
            for (Connection c : opened) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // already failing
                }
            }
            throw new IOException("--db " + describe + ": " + e.getMessage(), e);
        }
        PostgresStore store = new PostgresStore(describe, opened);
        store.migrate();
        return store;
    }

    @Override
    <T> T tx(SqlFunction<T> work) throws IOException {
        Connection c;
        try {
            c = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try {
            T result = work.apply(c);
            c.commit();
            return result;
        } catch (SQLException e) {
            rollback(c, e);
            throw new IOException(describe + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            rollback(c, e);
            throw e;
        } finally {
            pool.add(c);
        }
    }

    @Override
    void lockForMigration(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(7342019)"); // workers starting together migrate one at a time
        }
    }

    @Override
    String lockSuffix() {
        return "FOR UPDATE SKIP LOCKED";
    }

    @Override
    String dialect() {
        return "postgres";
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void close() throws IOException {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}
