package dev.contraband.catalog.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contraband.report.ToolInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes {@link CatalogStats} as table, json (the documented shape), csv or one self-contained HTML page. */
public final class CatalogReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public enum Format { TABLE, JSON, CSV, HTML }

    private CatalogReportWriter() {
    }

    public static void write(CatalogStats s, Format format, OutputStream out) throws IOException {
        switch (format) {
            case JSON -> {
                out.write(JSON.writeValueAsBytes(json(s)));
                out.write('\n');
            }
            case TABLE -> text(s, out, table(s));
            case CSV -> text(s, out, csv(s));
            case HTML -> text(s, out, CatalogHtml.render(s));
        }
        out.flush();
    }

    private static void text(CatalogStats s, OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"images", "malicious", "suspicious", "clean", "failed", "imageless", "categories", "layers", "namespaces", "indicators", "impersonated"}}. */
    public static ObjectNode json(CatalogStats s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("images", s.images());
        root.put("malicious", s.malicious());
        root.put("suspicious", s.suspicious());
        root.put("clean", s.clean());
        root.put("failed", s.failed());
        root.put("imageless", s.imageless());
        ObjectNode categories = root.putObject("categories");
        s.categories().forEach(categories::put);
        ObjectNode layers = root.putObject("layers");
        layers.put("unique", s.layers().unique());
        layers.put("scanned", s.layers().scanned());
        layers.put("reused", s.layers().reused());
        ArrayNode ns = root.putArray("namespaces");
        s.namespaces().forEach(n -> ns.addObject().put("namespace", n.namespace()).put("malicious", n.malicious()).put("images", n.images()));
        ArrayNode ind = root.putArray("indicators");
        s.indicators().forEach(i -> ind.addObject().put("indicator", i.indicator()).put("category", i.category()).put("images", i.images()));
        ArrayNode imp = root.putArray("impersonated");
        s.impersonated().forEach(i -> imp.addObject().put("image", i.image()).put("impostors", i.impostors()));
        return root;
    }

    static String table(CatalogStats s) {
        StringBuilder b = new StringBuilder();
        b.append(ToolInfo.NAME).append(" catalog report\n\n");
        rows(b, "Images", List.of(
                List.of("scanned", Long.toString(s.images())),
                List.of("malicious", count(s.malicious(), s.images())),
                List.of("suspicious", count(s.suspicious(), s.images())),
                List.of("clean", count(s.clean(), s.images())),
                List.of("failed", count(s.failed(), s.images())),
                List.of("imageless repositories", count(s.imageless(), s.images()))
        ), "", "images");
        if (s.pending() > 0) {
            b.append("(").append(s.pending()).append(" images not finished yet are not counted)\n\n");
        }
        List<List<String>> cats = new ArrayList<>();
        s.categories().forEach((k, v) -> cats.add(List.of(k, Long.toString(v))));
        rows(b, "Images per category (an image counts in each of its categories)", cats, "category", "images");
        rows(b, "Layers", List.of(List.of("unique", Long.toString(s.layers().unique())),
                List.of("scanned", Long.toString(s.layers().scanned())),
                List.of("reused", Long.toString(s.layers().reused()))), "", "layers");
        rows(b, "Namespaces with malicious images", s.namespaces().stream()
                .map(n -> List.of(n.namespace(), Long.toString(n.malicious()), Long.toString(n.images()))).toList(),
                "namespace", "malicious", "images");
        List<List<String>> hist = new ArrayList<>();
        s.namespaceHistogram().forEach((k, v) -> hist.add(List.of(k, Long.toString(v))));
        rows(b, "Namespaces by number of malicious images", hist, "malicious images", "namespaces");
        rows(b, "Top indicators", s.indicators().stream()
                .map(i -> List.of(i.indicator(), i.category(), Long.toString(i.images()))).toList(), "indicator", "category", "images");
        rows(b, "Top impersonated images", s.impersonated().stream()
                .map(i -> List.of(i.image(), Long.toString(i.impostors()))).toList(), "image", "impostors");
        if (!s.failures().isEmpty()) {
            rows(b, "Failed images", s.failures().stream().map(f -> List.of(f.image(), oneLine(f.error()))).toList(), "image", "error");
        }
        return b.toString();
    }

    private static String count(long n, long of) {
        return of == 0 ? Long.toString(n) : String.format(Locale.ROOT, "%d (%.1f%%)", n, 100.0 * n / of);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ");
    }

    private static void rows(StringBuilder b, String title, List<List<String>> rows, String... header) {
        b.append(title).append('\n');
        if (rows.isEmpty()) {
            b.append("  (none)\n\n");
            return;
        }
        int[] w = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            w[i] = header[i].length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        List<List<String>> all = new ArrayList<>();
        all.add(List.of(header));
        all.addAll(rows);
        for (List<String> r : all) {
            b.append("  ");
            for (int i = 0; i < r.size(); i++) {
                String cell = r.get(i);
                boolean number = i > 0;
                b.append(number ? " ".repeat(w[i] - cell.length()) + cell : cell + " ".repeat(w[i] - cell.length()));
                b.append(i + 1 < r.size() ? "  " : "");
            }
            b.append('\n');
        }
        b.append('\n');
    }

    /** One table, one row per number: {@code section,name,category,images,malicious}. */
    static String csv(CatalogStats s) {
        StringBuilder b = new StringBuilder("section,name,category,images,malicious\n");
        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("images", s.images());
        summary.put("malicious", s.malicious());
        summary.put("suspicious", s.suspicious());
        summary.put("clean", s.clean());
        summary.put("failed", s.failed());
        summary.put("imageless", s.imageless());
        summary.forEach((k, v) -> csvRow(b, "summary", k, "", Long.toString(v), ""));
        s.categories().forEach((k, v) -> csvRow(b, "category", k, k, Long.toString(v), ""));
        csvRow(b, "layers", "unique", "", Long.toString(s.layers().unique()), "");
        csvRow(b, "layers", "scanned", "", Long.toString(s.layers().scanned()), "");
        csvRow(b, "layers", "reused", "", Long.toString(s.layers().reused()), "");
        s.namespaces().forEach(n -> csvRow(b, "namespace", n.namespace(), "", Long.toString(n.images()), Long.toString(n.malicious())));
        s.indicators().forEach(i -> csvRow(b, "indicator", i.indicator(), i.category(), Long.toString(i.images()), ""));
        s.impersonated().forEach(i -> csvRow(b, "impersonated", i.image(), "impostor-name", Long.toString(i.impostors()), ""));
        return b.toString();
    }

    private static void csvRow(StringBuilder b, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            b.append(csvCell(cells[i])).append(i + 1 < cells.length ? "," : "\n");
        }
    }

    static String csvCell(String v) {
        if (v == null) {
            return "";
        }
        String cell = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v; // no formulas in spreadsheets
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
