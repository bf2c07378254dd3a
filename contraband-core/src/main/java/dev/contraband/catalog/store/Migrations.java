package dev.contraband.catalog.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The store's schema migrations: resource SQL files {@code <dialect>/V<n>__name.sql}, applied in order inside the
 * caller's transaction and recorded in {@code schema_migrations}. A store migrated by a newer contraband is refused
 * rather than written with a schema this one does not know.
 */
final class Migrations {
    /** Migrations in order; a file's number is the schema version it brings the store to. */
    static final List<String> ALL = List.of("V1__init.sql", "V2__repository_description.sql");

    private Migrations() {
    }

    /** Brings the store of {@code dialect} (named {@code store} in messages) to the newest version. */
    static void apply(Connection c, String dialect, String store) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        int current = version(c);
        if (current > ALL.size()) {
            throw new IOException(store + ": schema version " + current + " is newer than this contraband ("
                    + ALL.size() + "); upgrade contraband");
        }
        for (int v = current + 1; v <= ALL.size(); v++) {
            String name = ALL.get(v - 1);
            String sql;
            try (InputStream in = Migrations.class.getResourceAsStream(dialect + "/" + name)) {
                if (in == null) {
                    throw new IOException("missing migration " + dialect + "/" + name);
                }
                sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try (Statement s = c.createStatement()) {
                for (String statement : statements(sql)) {
                    s.execute(statement);
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")) {
                p.setInt(1, v);
                p.setString(2, name);
                p.setString(3, Instant.now().toString());
                p.executeUpdate();
            }
        }
    }

    /** The statements of a migration file: split at {@code ;}, comment lines dropped. */
    static List<String> statements(String sql) {
        String noComments = sql.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"));
        List<String> out = new ArrayList<>();
        for (String part : noComments.split(";")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /** The applied schema version (0 for a new store). */
    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) {
            r.next();
            return r.getInt(1);
        }
    }
}
