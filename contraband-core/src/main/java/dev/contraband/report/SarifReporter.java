package dev.contraband.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contraband.detect.Finding;
import dev.contraband.detect.LayerRef;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;
import dev.contraband.detect.Severity;
import dev.contraband.scan.ImageReport;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning dashboards: one run per image, the detectors' rules in {@code tool.driver.rules},
 * each result with its rule, level, the file path as location and the layer and category in {@code properties}.
 */
public final class SarifReporter implements Reporter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(List<ImageReport> reports, boolean single, OutputStream out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ArrayNode runs = root.putArray("runs");
        reports.forEach(r -> runs.add(run(r)));
        out.write(JSON.writeValueAsBytes(root));
        out.write('\n');
        out.flush();
    }

    private static ObjectNode run(ImageReport report) {
        ObjectNode run = JSON.createObjectNode();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", ToolInfo.NAME);
        driver.put("version", ToolInfo.version());
        driver.put("semanticVersion", ToolInfo.version().replace("-SNAPSHOT", ""));
        driver.put("informationUri", ToolInfo.URI);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (Rule rule : report.rules()) {
            if (ruleIndex.putIfAbsent(rule.id(), ruleIndex.size()) == null) {
                rules.add(rule(rule));
            }
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            Integer index = ruleIndex.get(f.rule().id());
            if (index == null) {
                index = ruleIndex.size();
                ruleIndex.put(f.rule().id(), index);
                rules.add(rule(f.rule()));
            }
            results.add(result(f, index, report));
        }
        ObjectNode props = run.putObject("properties");
        props.put("target", report.target());
        props.put("imageName", report.name());
        props.put("imageDigest", report.digest());
        props.put("platform", report.platform());
        props.put("verdict", report.verdict().status().id());
        props.put("explanation", report.verdict().explanation());
        return run;
    }

    private static ObjectNode rule(Rule rule) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", rule.id());
        n.put("name", camel(rule.id()));
        n.putObject("shortDescription").put("text", rule.title());
        n.putObject("fullDescription").put("text", rule.description() == null ? rule.title() : rule.description());
        n.putObject("help").put("text", rule.description() == null ? rule.title() : rule.description());
        n.putObject("defaultConfiguration").put("level", level(rule.severity()));
        ObjectNode p = n.putObject("properties");
        p.put("category", rule.category().id());
        p.put("security-severity", securitySeverity(rule.severity()));
        p.putArray("tags").add("security").add(rule.category().id());
        return n;
    }

    private static ObjectNode result(Finding f, int ruleIndex, ImageReport report) {
        ObjectNode r = JSON.createObjectNode();
        r.put("ruleId", f.rule().id());
        r.put("ruleIndex", ruleIndex);
        r.put("level", level(f.severity()));
        r.putObject("message").put("text", f.message());
        ObjectNode location = r.putArray("locations").addObject();
        LayerRef layer = null;
        switch (f.location()) {
            case Location.File file -> {
                ObjectNode physical = location.putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", file.path().substring(1));
                if (file.line() != null) {
                    physical.putObject("region").put("startLine", file.line());
                }
                layer = file.layer();
            }
            case Location.Config c -> logical(location, "config/" + c.field(), "member");
            case Location.History h -> {
                logical(location, "history/" + h.entry(), "member");
                layer = h.layer();
            }
            case Location.Name n -> logical(location, n.name(), "module");
            case Location.Metadata m -> logical(location, "metadata/" + m.field(), "member");
        }
        r.putObject("partialFingerprints").put("contraband/v1", f.fingerprint());
        ObjectNode p = r.putObject("properties");
        p.put("category", f.category().id());
        p.put("severity", f.severity().id());
        p.put("source", f.location().source());
        p.put("layerDigest", layer == null ? null : layer.digest());
        p.put("layerIndex", layer == null ? null : layer.index());
        if (f.location() instanceof Location.File file) {
            p.put("deleted", file.deleted());
        }
        p.put("image", report.name() != null ? report.name() : report.target());
        if (f.evidence() != null) {
            p.put("evidence", f.evidence());
        }
        if (f.indicator() != null) {
            p.put("indicator", f.indicator());
        }
        if (f.context() != null) {
            p.put("context", f.context());
        }
        return r;
    }

    private static void logical(ObjectNode location, String name, String kind) {
        ObjectNode l = location.putArray("logicalLocations").addObject();
        l.put("fullyQualifiedName", name);
        l.put("kind", kind);
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub code scanning reads this number (0–10) to rank security results. */
    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    private static String camel(String id) {
        StringBuilder s = new StringBuilder();
        boolean up = true;
        for (char c : id.toCharArray()) {
            if (c == '-' || c == '.') {
                up = true;
            } else {
                s.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return s.toString();
    }
}
