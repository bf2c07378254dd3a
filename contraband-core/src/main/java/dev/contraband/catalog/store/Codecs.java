package dev.contraband.catalog.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contraband.detect.Finding;
import dev.contraband.detect.LayerRef;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;
import dev.contraband.detect.Severity;
import dev.contraband.image.Digest;
import dev.contraband.image.HistoryEntry;
import dev.contraband.image.ImageConfig;
import dev.contraband.image.Platform;
import dev.contraband.layer.Compression;
import dev.contraband.layer.LayerReport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * (De)serialisers for what the catalog store keeps: layer reports (gzip JSON, rules by id), image configs and
 * findings. Written by hand, like the JSON report, so a refactoring of the records cannot change stored data silently.
 */
public final class Codecs {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Bump when the stored layer-report shape changes: it is part of the layer key. */
    public static final int LAYER_FORMAT = 1;

    private Codecs() {
    }

    /** Thrown when a stored value cannot be read back (unknown rule, other format): the caller rescans. */
    public static final class StaleException extends IOException {
        public StaleException(String message) {
            super(message);
        }
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 4));
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    // ---- layer reports

    public static byte[] encodeLayer(LayerReport r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", LAYER_FORMAT);
        n.put("digest", r.digest().toString());
        n.put("diffId", r.diffId().toString());
        n.put("compression", r.compression().name());
        n.put("storedBytes", r.storedBytes());
        n.put("uncompressedBytes", r.uncompressedBytes());
        n.put("entries", r.entries());
        ArrayNode fs = n.putArray("findings");
        r.findings().forEach(f -> fs.add(finding(f)));
        strings(n.putArray("paths"), r.paths());
        strings(n.putArray("whiteouts"), r.whiteouts());
        strings(n.putArray("opaqueDirs"), r.opaqueDirs());
        try {
            return gzip(JSON.writeValueAsBytes(n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LayerReport decodeLayer(byte[] stored, Function<String, Rule> rules) throws IOException {
        JsonNode n = JSON.readTree(gunzip(stored));
        if (n.path("format").asInt() != LAYER_FORMAT) {
            throw new StaleException("stored layer report has format " + n.path("format").asInt());
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : n.path("findings")) {
            findings.add(finding(f, rules));
        }
        return new LayerReport(Digest.parse(n.path("digest").asText()), Digest.parse(n.path("diffId").asText()),
                Compression.valueOf(n.path("compression").asText()), n.path("storedBytes").asLong(),
                n.path("uncompressedBytes").asLong(), n.path("entries").asInt(), findings,
                stringSet(n.path("paths")), stringSet(n.path("whiteouts")), stringSet(n.path("opaqueDirs")));
    }

    // ---- findings

    public static ObjectNode finding(Finding f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("rule", f.rule().id());
        n.put("severity", f.severity().id());
        ObjectNode loc = n.putObject("location");
        loc.put("source", f.location().source());
        switch (f.location()) {
            case Location.File file -> {
                loc.put("path", file.path());
                if (file.line() != null) {
                    loc.put("line", file.line());
                }
                if (file.layer() != null) {
                    loc.put("layerIndex", file.layer().index());
                    loc.put("layerDigest", file.layer().digest());
                }
                loc.put("deleted", file.deleted());
            }
            case Location.Config c -> loc.put("field", c.field());
            case Location.History h -> {
                loc.put("entry", h.entry());
                if (h.layer() != null) {
                    loc.put("layerIndex", h.layer().index());
                    loc.put("layerDigest", h.layer().digest());
                }
            }
            case Location.Name name -> loc.put("name", name.name());
            case Location.Metadata m -> loc.put("field", m.field());
        }
        n.put("message", f.message());
        n.put("evidence", f.evidence());
        n.put("indicator", f.indicator());
        n.put("context", f.context());
        n.put("fingerprint", f.fingerprint());
        return n;
    }

    public static Finding finding(JsonNode n, Function<String, Rule> rules) throws StaleException {
        String ruleId = n.path("rule").asText();
        Rule rule = rules.apply(ruleId);
        if (rule == null) {
            throw new StaleException("rule " + ruleId + " is not known to this version");
        }
        JsonNode loc = n.path("location");
        LayerRef ref = loc.has("layerIndex") ? new LayerRef(loc.path("layerIndex").asInt(), loc.path("layerDigest").asText()) : null;
        Location location = switch (loc.path("source").asText()) {
            case "file" -> new Location.File(loc.path("path").asText(), loc.has("line") ? loc.path("line").asInt() : null,
                    ref, loc.path("deleted").asBoolean());
            case "config" -> new Location.Config(loc.path("field").asText());
            case "history" -> new Location.History(loc.path("entry").asInt(), ref);
            case "name" -> new Location.Name(loc.path("name").asText());
            case "metadata" -> new Location.Metadata(loc.path("field").asText());
            default -> throw new StaleException("unknown finding source " + loc.path("source").asText());
        };
        return new Finding(rule, Severity.parse(n.path("severity").asText()), location, n.path("message").asText(),
                text(n, "evidence"), text(n, "indicator"), text(n, "context"), n.path("fingerprint").asText());
    }

    // ---- image configs

    public static String encodeConfig(ImageConfig c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("platform", c.platform().toString());
        n.put("created", c.created());
        strings(n.putArray("entrypoint"), c.entrypoint());
        strings(n.putArray("cmd"), c.cmd());
        strings(n.putArray("env"), c.env());
        n.put("user", c.user());
        strings(n.putArray("exposedPorts"), c.exposedPorts());
        ObjectNode labels = n.putObject("labels");
        c.labels().forEach(labels::put);
        n.put("workingDir", c.workingDir());
        ArrayNode history = n.putArray("history");
        for (HistoryEntry h : c.history()) {
            ObjectNode e = history.addObject();
            e.put("created", h.created());
            e.put("createdBy", h.createdBy());
            e.put("comment", h.comment());
            e.put("emptyLayer", h.emptyLayer());
        }
        strings(n.putArray("diffIds"), c.diffIds().stream().map(Digest::toString).toList());
        return n.toString();
    }

    public static ImageConfig decodeConfig(String json) throws IOException {
        JsonNode n = JSON.readTree(json);
        List<HistoryEntry> history = new ArrayList<>();
        for (JsonNode e : n.path("history")) {
            history.add(new HistoryEntry(text(e, "created"), text(e, "createdBy"), text(e, "comment"),
                    e.path("emptyLayer").asBoolean()));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("labels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            labels.put(e.getKey(), e.getValue().asText());
        }
        return new ImageConfig(Platform.parse(n.path("platform").asText()), text(n, "created"),
                stringList(n.path("entrypoint")), stringList(n.path("cmd")), stringList(n.path("env")), text(n, "user"),
                stringList(n.path("exposedPorts")), labels, text(n, "workingDir"), history,
                stringList(n.path("diffIds")).stream().map(Digest::parse).toList());
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void strings(ArrayNode a, Iterable<String> values) {
        List<String> sorted = new ArrayList<>();
        values.forEach(sorted::add);
        if (values instanceof Set<?>) {
            sorted.sort(null);
        }
        sorted.forEach(a::add);
    }

    private static List<String> stringList(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static Set<String> stringSet(JsonNode a) {
        Set<String> out = new LinkedHashSet<>();
        a.forEach(v -> out.add(v.asText()));
        return out;
    }
}
