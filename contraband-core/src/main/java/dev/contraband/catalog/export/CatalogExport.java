package dev.contraband.catalog.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contraband.catalog.store.Codecs;
import dev.contraband.catalog.store.Store;
import dev.contraband.detect.Category;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Rule;
import dev.contraband.detect.Severity;
import dev.contraband.report.SarifReporter;
import dev.contraband.report.ToolInfo;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.LayerSummary;
import dev.contraband.scan.Verdict;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Exports a store's results: {@code jsonl} (one schema-v1 image report a line, as {@code scan --format json} prints
 * it), {@code sarif} (one run per image), {@code stix} (a STIX 2.1 bundle: one indicator per network indicator or
 * wallet, with a pattern, the category as label and the number of images it was found in). Only finished images.
 */
public final class CatalogExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern DOMAIN = Pattern.compile("(?i)[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)+\\.?");
    /** STIX ids of the same indicator are the same across exports: UUIDv5 in this namespace (STIX's own for SCOs). */
    private static final UUID NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

    public enum Format { JSONL, SARIF, STIX }

    private CatalogExport() {
    }

    public static void write(Store store, Format format, List<Rule> knownRules, OutputStream out) throws IOException {
        switch (format) {
            case JSONL -> jsonl(store, out);
            case SARIF -> new SarifReporter().write(reports(store, knownRules), false, out);
            case STIX -> {
                out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(stix(store, java.time.Instant.now().toString())));
                out.write('\n');
            }
        }
        out.flush();
    }

    static void jsonl(Store store, OutputStream out) throws IOException {
        List<String> refs = doneRefs(store);
        for (String ref : refs) {
            byte[] report = store.read(c -> {
                try (PreparedStatement p = c.prepareStatement("SELECT report FROM images WHERE ref = ?")) {
                    p.setString(1, ref);
                    try (ResultSet r = p.executeQuery()) {
                        return r.next() ? r.getBytes(1) : null;
                    }
                }
            });
            if (report == null) {
                continue;
            }
            JsonNode tree = JSON.readTree(Codecs.gunzip(report));
            out.write(JSON.writeValueAsBytes(tree));
            out.write('\n');
        }
    }

    private static List<String> doneRefs(Store store) throws IOException {
        return store.read(c -> {
            List<String> refs = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT ref FROM images WHERE status = 'done' ORDER BY ref")) {
                while (r.next()) {
                    refs.add(r.getString(1));
                }
            }
            return refs;
        });
    }

    /** Image reports rebuilt from the store (findings, layers, verdict), for reporters that take reports. */
    static List<ImageReport> reports(Store store, List<Rule> knownRules) throws IOException {
        Map<String, Rule> rules = new HashMap<>();
        knownRules.forEach(r -> rules.putIfAbsent(r.id(), r));
        return store.read(c -> {
            List<ImageReport> out = new ArrayList<>();
            Map<String, Object[]> images = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT ref, digest, platform, verdict, categories FROM images WHERE status = 'done' ORDER BY ref")) {
                while (r.next()) {
                    images.put(r.getString(1), new Object[]{r.getString(2), r.getString(3), r.getString(4), r.getString(5)});
                }
            }
            for (Map.Entry<String, Object[]> e : images.entrySet()) {
                String ref = e.getKey();
                List<LayerSummary> layers = new ArrayList<>();
                try (PreparedStatement p = c.prepareStatement("SELECT idx, digest, diff_id, created_by, size FROM image_layers WHERE ref = ? ORDER BY idx")) {
                    p.setString(1, ref);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            layers.add(new LayerSummary(r.getInt(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5)));
                        }
                    }
                }
                List<Finding> findings = new ArrayList<>();
                try (PreparedStatement p = c.prepareStatement("SELECT rule_id, category, severity, title, detail FROM findings WHERE ref = ? ORDER BY seq")) {
                    p.setString(1, ref);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            String id = r.getString(1);
                            Rule rule = rules.computeIfAbsent(id, k -> {
                                try {
                                    return new Rule(k, category(r.getString(2)), Severity.parse(r.getString(3)), r.getString(4), null);
                                } catch (java.sql.SQLException x) {
                                    throw new IllegalStateException(x);
                                }
                            });
                            findings.add(Codecs.finding(JSON.readTree(r.getString(5)), x -> rule));
                        }
                    }
                }
                Object[] v = e.getValue();
                List<Category> cats = new ArrayList<>();
                String catText = (String) v[3];
                if (catText != null && !catText.isEmpty()) {
                    for (String cat : catText.split(",")) {
                        cats.add(category(cat));
                    }
                }
                Verdict verdict = new Verdict(Verdict.Status.valueOf(((String) v[2]).toUpperCase(java.util.Locale.ROOT)), cats, "");
                out.add(new ImageReport(ref, ref, (String) v[0], (String) v[1], layers, verdict, findings, List.of()));
            }
            return out;
        });
    }

    private static Category category(String id) {
        for (Category c : Category.values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return Category.OTHER;
    }

    /** The STIX 2.1 bundle of every indicator in finished images; {@code now} is the created/modified/valid_from time. */
    public static ObjectNode stix(Store store, String now) throws IOException {
        Map<String, Map<String, Long>> byIndicator = store.read(c -> {
            Map<String, Map<String, Long>> m = new TreeMap<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT f.indicator, f.category, COUNT(DISTINCT f.ref) FROM findings f JOIN images i ON i.ref = f.ref "
                            + "WHERE i.status = 'done' AND f.indicator IS NOT NULL GROUP BY f.indicator, f.category")) {
                while (r.next()) {
                    m.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).put(r.getString(2), r.getLong(3));
                }
            }
            return m;
        });
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        ArrayNode objects = bundle.putArray("objects");
        String identity = "identity--" + uuid5("identity:" + ToolInfo.NAME);
        ObjectNode id = objects.addObject();
        id.put("type", "identity");
        id.put("spec_version", "2.1");
        id.put("id", identity);
        id.put("created", now);
        id.put("modified", now);
        id.put("name", ToolInfo.NAME);
        id.put("identity_class", "system");
        for (Map.Entry<String, Map<String, Long>> e : byIndicator.entrySet()) {
            String pattern = pattern(e.getKey());
            if (pattern == null) {
                continue;
            }
            long images = e.getValue().values().stream().mapToLong(Long::longValue).max().orElse(0);
            ObjectNode ind = objects.addObject();
            ind.put("type", "indicator");
            ind.put("spec_version", "2.1");
            ind.put("id", "indicator--" + uuid5("indicator:" + e.getKey()));
            ind.put("created_by_ref", identity);
            ind.put("created", now);
            ind.put("modified", now);
            ind.put("name", e.getKey());
            ind.put("description", "Seen in " + images + " container image" + (images == 1 ? "" : "s") + " scanned by "
                    + ToolInfo.NAME + " (" + String.join(", ", e.getValue().keySet()) + ")");
            ind.putArray("indicator_types").add("malicious-activity");
            ind.put("pattern", pattern);
            ind.put("pattern_type", "stix");
            ind.put("pattern_version", "2.1");
            ind.put("valid_from", now);
            ArrayNode labels = ind.putArray("labels");
            e.getValue().keySet().forEach(labels::add);
            ind.put("x_contraband_images", images);
        }
        return bundle;
    }

    /** The STIX pattern of an indicator: IP, URL, domain (a pool's host:port keeps the host), else a wallet. */
    static String pattern(String indicator) {
        String v = indicator.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
            return "[url:value = '" + quote(v) + "']";
        }
        String host = v;
        int colon = v.lastIndexOf(':');
        if (colon > 0 && v.indexOf(':') == colon && v.substring(colon + 1).matches("\\d{1,5}")) {
            host = v.substring(0, colon);
        }
        if (IPV4.matcher(host).matches()) {
            return "[ipv4-addr:value = '" + quote(host) + "']";
        }
        if (host.contains(":") && host.matches("[0-9a-fA-F:]+")) {
            return "[ipv6-addr:value = '" + quote(host) + "']";
        }
        if (DOMAIN.matcher(host).matches() && host.matches(".*[a-zA-Z].*")) {
            return "[domain-name:value = '" + quote(host.toLowerCase(java.util.Locale.ROOT)) + "']";
        }
        return "[x-contraband-wallet:value = '" + quote(v) + "']"; // STIX 2.1 has no cryptocurrency wallet object
    }

    static String quote(String v) {
        return v.replace("\\", "\\\\").replace("'", "\\'");
    }

    static UUID uuid5(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            long msb = NAMESPACE.getMostSignificantBits(), lsb = NAMESPACE.getLeastSignificantBits();
            byte[] ns = new byte[16];
            for (int i = 0; i < 8; i++) {
                ns[i] = (byte) (msb >>> 8 * (7 - i));
                ns[8 + i] = (byte) (lsb >>> 8 * (7 - i));
            }
            sha1.update(ns);
            byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x50);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            long m = 0, l = 0;
            for (int i = 0; i < 8; i++) {
                m = m << 8 | (h[i] & 0xff);
                l = l << 8 | (h[8 + i] & 0xff);
            }
            return new UUID(m, l);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
