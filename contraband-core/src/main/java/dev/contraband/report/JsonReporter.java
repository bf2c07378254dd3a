package dev.contraband.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contraband.detect.Category;
import dev.contraband.detect.Finding;
import dev.contraband.detect.LayerRef;
import dev.contraband.detect.Location;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.LayerSummary;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The JSON report of docs/report-schema.md (schema version 1), the contract CI pipelines parse. */
public final class JsonReporter implements Reporter {
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(List<ImageReport> reports, boolean single, OutputStream out) throws IOException {
        Object doc;
        if (single && reports.size() == 1) {
            doc = toJson(reports.getFirst());
        } else {
            ArrayNode array = JSON.createArrayNode();
            reports.forEach(r -> array.add(toJson(r)));
            doc = array;
        }
        JSON.writeValue(new NonClosing(out), doc);
        out.write('\n');
        out.flush();
    }

    public static ObjectNode toJson(ImageReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", ToolInfo.NAME);
        tool.put("version", ToolInfo.version());
        root.put("target", r.target());
        ObjectNode image = root.putObject("image");
        image.put("name", r.name());
        image.put("digest", r.digest());
        image.put("platform", r.platform());
        ArrayNode layers = image.putArray("layers");
        for (LayerSummary l : r.layers()) {
            ObjectNode n = layers.addObject();
            n.put("index", l.index());
            n.put("digest", l.digest());
            n.put("diffId", l.diffId());
            n.put("createdBy", l.createdBy());
            n.put("size", l.size());
        }
        ObjectNode verdict = root.putObject("verdict");
        verdict.put("status", r.verdict().status().id());
        ArrayNode categories = verdict.putArray("categories");
        r.verdict().categories().stream().map(Category::id).forEach(categories::add);
        verdict.put("explanation", r.verdict().explanation());
        ArrayNode findings = root.putArray("findings");
        r.findings().forEach(f -> findings.add(finding(f)));
        return root;
    }

    static ObjectNode finding(Finding f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("fingerprint", f.fingerprint());
        n.put("ruleId", f.rule().id());
        n.put("category", f.category().id());
        n.put("severity", f.severity().id());
        n.put("title", f.rule().title());
        n.put("message", f.message());
        n.put("source", f.location().source());
        LayerRef layer = switch (f.location()) {
            case Location.File file -> file.layer();
            case Location.History h -> h.layer();
            default -> null;
        };
        n.put("layerIndex", layer == null ? null : layer.index());
        n.put("layerDigest", layer == null ? null : layer.digest());
        switch (f.location()) {
            case Location.File file -> {
                n.put("path", file.path());
                n.put("deleted", file.deleted());
                n.put("line", file.line());
            }
            case Location.Config c -> n.put("field", c.field());
            case Location.History h -> n.put("historyIndex", h.entry());
            case Location.Name name -> n.put("name", name.name());
            case Location.Metadata m -> n.put("field", m.field());
        }
        n.put("evidence", f.evidence());
        n.put("indicator", f.indicator());
        if (f.context() != null) {
            n.put("context", f.context());
        }
        return n;
    }

    /** Jackson closes the stream it writes; the caller owns it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
