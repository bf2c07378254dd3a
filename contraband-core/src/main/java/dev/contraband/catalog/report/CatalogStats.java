package dev.contraband.catalog.report;

import dev.contraband.catalog.store.Store;
import dev.contraband.detect.Category;
import dev.contraband.detect.name.DescriptionChecker;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The study's numbers over a store: images by verdict, images per category (an image counts in each of its verdict
 * categories), malicious images per namespace, top indicators and impersonated images by image count, layer reuse.
 * Only finished images count ({@code done} or {@code failed}); pending ones are left out. An imageless repository
 * (a Docker Hub repository with no tags, only a description linking to bad domains) is an entry like an image: in
 * {@code images}, its verdict and categories, its namespace; {@code imageless} says how many of the entries are such
 * repositories. Every list is sorted (count descending, then name) so two stores with the same results give the same
 * report.
 */
public record CatalogStats(long images, long malicious, long suspicious, long clean, long failed, long imageless,
                           Map<String, Long> categories, Layers layers, List<Namespace> namespaces,
                           List<Indicator> indicators, List<Impersonated> impersonated, long pending,
                           Map<String, Long> namespaceHistogram, List<Failure> failures) {
    public record Layers(long unique, long scanned, long reused) {
    }

    public record Namespace(String namespace, long malicious, long images) {
    }

    public record Indicator(String indicator, String category, long images) {
    }

    public record Impersonated(String image, long impostors) {
    }

    public record Failure(String image, String error) {
    }

    /** Buckets of the histogram of malicious images per namespace. */
    static final long[][] BUCKETS = {{1, 1}, {2, 2}, {3, 5}, {6, 10}, {11, 50}, {51, Long.MAX_VALUE}};

    public static CatalogStats of(Store store, int top) throws IOException {
        return store.read(c -> {
            long malicious = 0, suspicious = 0, clean = 0, failed = 0, pending = 0;
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT status, verdict, COUNT(*) FROM images GROUP BY status, verdict")) {
                while (r.next()) {
                    String status = r.getString(1);
                    long n = r.getLong(3);
                    if (status.equals("done")) {
                        switch (String.valueOf(r.getString(2))) {
                            case "malicious" -> malicious += n;
                            case "suspicious" -> suspicious += n;
                            default -> clean += n;
                        }
                    } else if (status.equals("failed")) {
                        failed += n;
                    } else {
                        pending += n;
                    }
                }
            }
            Map<String, Long> categories = new LinkedHashMap<>();
            for (Category cat : Category.values()) {
                categories.put(cat.id(), 0L);
            }
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT categories FROM images WHERE status = 'done' AND categories IS NOT NULL AND categories <> ''")) {
                while (r.next()) {
                    for (String cat : r.getString(1).split(",")) {
                        categories.merge(cat, 1L, Long::sum);
                    }
                }
            }
            long imageless;
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(DISTINCT f.ref) FROM findings f JOIN images i ON i.ref = f.ref "
                    + "WHERE i.status = 'done' AND f.rule_id = ?")) {
                p.setString(1, DescriptionChecker.IMAGELESS.id());
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    imageless = r.getLong(1);
                }
            }
            long unique, refs, scanned;
            String doneLayers = "SELECT il.digest FROM image_layers il JOIN images i ON i.ref = il.ref WHERE i.status = 'done'";
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT COUNT(DISTINCT digest), COUNT(*) FROM (" + doneLayers + ") d")) {
                r.next();
                unique = r.getLong(1);
                refs = r.getLong(2);
            }
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT COUNT(*) FROM layers WHERE status = 'done' AND digest IN (" + doneLayers + ")")) {
                r.next();
                scanned = r.getLong(1);
            }
            List<Namespace> namespaces = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT namespace, SUM(CASE WHEN verdict = 'malicious' THEN 1 ELSE 0 END), COUNT(*) "
                         + "FROM images WHERE status = 'done' GROUP BY namespace")) {
                while (r.next()) {
                    namespaces.add(new Namespace(r.getString(1), r.getLong(2), r.getLong(3)));
                }
            }
            Map<String, Long> histogram = new LinkedHashMap<>();
            for (long[] b : BUCKETS) {
                String label = b[0] == b[1] ? Long.toString(b[0]) : b[1] == Long.MAX_VALUE ? b[0] + "+" : b[0] + "-" + b[1];
                histogram.put(label, namespaces.stream().filter(n -> n.malicious() >= b[0] && n.malicious() <= b[1]).count());
            }
            List<Namespace> maliciousNamespaces = namespaces.stream().filter(n -> n.malicious() > 0)
                    .sorted(Comparator.comparingLong(Namespace::malicious).reversed()
                            .thenComparing(Comparator.comparingLong(Namespace::images).reversed())
                            .thenComparing(Namespace::namespace))
                    .limit(top).toList();
            List<Indicator> indicators = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT f.indicator, f.category, COUNT(DISTINCT f.ref) FROM findings f "
                         + "JOIN images i ON i.ref = f.ref WHERE i.status = 'done' AND f.indicator IS NOT NULL "
                         + "GROUP BY f.indicator, f.category")) {
                while (r.next()) {
                    indicators.add(new Indicator(r.getString(1), r.getString(2), r.getLong(3)));
                }
            }
            indicators = indicators.stream().sorted(Comparator.comparingLong(Indicator::images).reversed()
                    .thenComparing(Indicator::indicator).thenComparing(Indicator::category)).limit(top).toList();
            Map<String, Long> imp = new TreeMap<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT COALESCE(f.indicator, f.evidence), COUNT(DISTINCT f.ref) FROM findings f "
                         + "JOIN images i ON i.ref = f.ref WHERE i.status = 'done' AND f.category = 'impostor-name' "
                         + "AND COALESCE(f.indicator, f.evidence) IS NOT NULL GROUP BY COALESCE(f.indicator, f.evidence)")) {
                while (r.next()) {
                    imp.put(r.getString(1), r.getLong(2));
                }
            }
            List<Impersonated> impersonated = imp.entrySet().stream()
                    .map(e -> new Impersonated(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingLong(Impersonated::impostors).reversed().thenComparing(Impersonated::image))
                    .limit(top).toList();
            List<Failure> failures = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT ref, error FROM images WHERE status = 'failed' ORDER BY ref LIMIT ?")) {
                p.setInt(1, top);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        failures.add(new Failure(r.getString(1), r.getString(2)));
                    }
                }
            }
            long done = malicious + suspicious + clean;
            return new CatalogStats(done + failed, malicious, suspicious, clean, failed, imageless, categories,
                    new Layers(unique, scanned, Math.max(0, refs - scanned)), maliciousNamespaces, indicators,
                    impersonated, pending, histogram, failures);
        });
    }
}
