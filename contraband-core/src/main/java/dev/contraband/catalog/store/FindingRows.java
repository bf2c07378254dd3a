package dev.contraband.catalog.store;

import dev.contraband.detect.Category;
import dev.contraband.detect.Finding;
import dev.contraband.detect.LayerRef;
import dev.contraband.detect.Location;
import dev.contraband.scan.ImageReport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code findings} rows of one image (or imageless repository), written inside the caller's transaction: the
 * columns reports and exports query (rule, category, severity, source, layer, path, indicator…) and the full finding
 * as JSON for rebuilding it.
 */
final class FindingRows {
    private FindingRows() {
    }

    /** The {@code images.categories} text: the verdict's categories, comma-separated. */
    static String categories(ImageReport report) {
        return report.verdict().categories().stream().map(Category::id).collect(Collectors.joining(","));
    }

    /** Replaces the findings of {@code ref} with {@code findings}. */
    static void replace(Connection c, String ref, List<Finding> findings) throws SQLException {
        JdbcStore.exec(c, "DELETE FROM findings WHERE ref = ?", ref);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO findings (ref, seq, rule_id, category, severity, title, source, "
                + "layer_index, layer_digest, path, deleted, message, evidence, indicator, fingerprint, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (Finding f : findings) {
                p.setString(1, ref);
                p.setInt(2, seq++);
                p.setString(3, f.rule().id());
                p.setString(4, f.category().id());
                p.setString(5, f.severity().id());
                p.setString(6, f.rule().title());
                p.setString(7, f.location().source());
                LayerRef layer = switch (f.location()) {
                    case Location.File file -> file.layer();
                    case Location.History h -> h.layer();
                    default -> null;
                };
                if (layer == null) {
                    p.setNull(8, Types.INTEGER);
                } else {
                    p.setInt(8, layer.index());
                }
                p.setString(9, layer == null ? null : layer.digest());
                p.setString(10, f.path());
                p.setInt(11, f.location() instanceof Location.File file && file.deleted() ? 1 : 0);
                p.setString(12, f.message());
                p.setString(13, f.evidence());
                p.setString(14, f.indicator());
                p.setString(15, f.fingerprint());
                p.setString(16, Codecs.finding(f).toString());
                p.addBatch();
            }
            if (!findings.isEmpty()) {
                p.executeBatch();
            }
        }
    }
}
