package dev.contraband.catalog.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The default store: one SQLite file (WAL journal), one connection behind a lock — SQLite has one writer at a time
 * anyway, and every transaction here is short. One process at a time: a second process would wait on the file lock.
 */
public final class SqliteStore extends JdbcStore {
    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private SqliteStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static SqliteStore open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException("--db " + file + ": folder " + parent + " does not exist");
        }
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=30000");
                s.execute("PRAGMA foreign_keys=ON");
            }
            c.setAutoCommit(false);
            SqliteStore store = new SqliteStore(file, c);
            store.migrate();
            return store;
        } catch (SQLException e) {
            throw new IOException("--db " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    <T> T tx(SqlFunction<T> work) throws IOException {
        lock.lock();
        try {
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException e) {
                rollback(connection, e);
                throw new IOException(describe() + ": " + e.getMessage(), e);
            } catch (IOException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    String lockSuffix() {
        return "";
    }

    @Override
    String dialect() {
        return "sqlite";
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IOException(describe() + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
