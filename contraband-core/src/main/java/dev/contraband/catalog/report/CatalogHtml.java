package dev.contraband.catalog.report;

import dev.contraband.report.ToolInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalog report as one self-contained HTML file: inline CSS, charts as inline SVG (horizontal bar charts), no
 * script and nothing fetched from the network. Every value from the store is escaped.
 */
final class CatalogHtml {
    private CatalogHtml() {
    }

    static String render(CatalogStats s) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>contraband catalog report</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:70em}")
                .append("h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{padding:.2em .8em;border-bottom:1px solid #ddd;text-align:left}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}.cards{display:flex;gap:1em;flex-wrap:wrap}")
                .append(".card{border:1px solid #ccc;border-radius:6px;padding:.6em 1em;min-width:7em}.card b{display:block;font-size:1.6em}")
                .append("svg text{font-size:12px;font-family:system-ui,sans-serif}")
                .append("</style></head><body>\n");
        b.append("<h1>").append(ToolInfo.NAME).append(" catalog report</h1>\n");
        b.append("<div class=\"cards\">");
        card(b, "images", s.images());
        card(b, "malicious", s.malicious());
        card(b, "suspicious", s.suspicious());
        card(b, "clean", s.clean());
        card(b, "failed", s.failed());
        if (s.imageless() > 0) { // only Docker Hub namespace scans find them
            card(b, "imageless repositories", s.imageless());
        }
        b.append("</div>\n");
        if (s.pending() > 0) {
            b.append("<p>").append(s.pending()).append(" images not finished yet are not counted.</p>\n");
        }
        Map<String, Long> verdicts = new LinkedHashMap<>();
        verdicts.put("malicious", s.malicious());
        verdicts.put("suspicious", s.suspicious());
        verdicts.put("clean", s.clean());
        verdicts.put("failed", s.failed());
        section(b, "verdicts", "Images by verdict", verdicts, "#7a3b8f");
        section(b, "categories", "Images per category", s.categories(), "#c0392b");
        Map<String, Long> layers = new LinkedHashMap<>();
        layers.put("unique", s.layers().unique());
        layers.put("scanned", s.layers().scanned());
        layers.put("reused", s.layers().reused());
        section(b, "layers", "Layers (each unique layer scanned once, reused by every image that has it)", layers, "#2874a6");
        section(b, "namespace-histogram", "Namespaces by number of malicious images", s.namespaceHistogram(), "#b9770e");
        Map<String, Long> ns = new LinkedHashMap<>();
        s.namespaces().forEach(n -> ns.put(n.namespace(), n.malicious()));
        section(b, "namespaces", "Malicious images per namespace", ns, "#922b21");
        Map<String, Long> ind = new LinkedHashMap<>();
        s.indicators().forEach(i -> ind.put(i.indicator() + " (" + i.category() + ")", i.images()));
        section(b, "indicators", "Top indicators by images", ind, "#1e8449");
        Map<String, Long> imp = new LinkedHashMap<>();
        s.impersonated().forEach(i -> imp.put(i.image(), i.impostors()));
        section(b, "impersonated", "Top impersonated images by impostors", imp, "#5d6d7e");
        if (!s.failures().isEmpty()) {
            b.append("<h2>Failed images</h2>\n<table><tr><th>image</th><th>error</th></tr>");
            s.failures().forEach(f -> b.append("<tr><td>").append(esc(f.image())).append("</td><td>")
                    .append(esc(CatalogReportWriter.oneLine(f.error()))).append("</td></tr>"));
            b.append("</table>\n");
        }
        b.append("<p><small>").append(ToolInfo.NAME).append(' ').append(esc(ToolInfo.version())).append("</small></p>\n");
        b.append("</body></html>\n");
        return b.toString();
    }

    private static void card(StringBuilder b, String label, long n) {
        b.append("<div class=\"card\"><b>").append(n).append("</b>").append(label).append("</div>");
    }

    /** A heading, a bar chart (when there is something to draw) and the numbers as a table. */
    private static void section(StringBuilder b, String id, String title, Map<String, Long> values, String color) {
        b.append("<h2 id=\"").append(id).append("\">").append(esc(title)).append("</h2>\n");
        if (values.isEmpty()) {
            b.append("<p>(none)</p>\n");
            return;
        }
        bars(b, id, values, color);
        b.append("<table>");
        values.forEach((k, v) -> b.append("<tr><td>").append(esc(k)).append("</td><td class=\"n\">").append(v).append("</td></tr>"));
        b.append("</table>\n");
    }

    static void bars(StringBuilder b, String id, Map<String, Long> values, String color) {
        List<Map.Entry<String, Long>> rows = new ArrayList<>(values.entrySet());
        long max = Math.max(1, rows.stream().mapToLong(Map.Entry::getValue).max().orElse(1));
        int label = 260, width = 360, row = 22, height = rows.size() * row + 4;
        b.append(String.format(Locale.ROOT, "<svg class=\"chart\" data-chart=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">", id, label + width + 60, height, id));
        for (int i = 0; i < rows.size(); i++) {
            Map.Entry<String, Long> e = rows.get(i);
            int y = i * row + 2;
            double w = e.getValue() == 0 ? 0 : Math.max(2, width * (double) e.getValue() / max);
            String name = e.getKey().length() > 40 ? e.getKey().substring(0, 39) + "…" : e.getKey();
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", label - 6, y + 15, esc(name)));
            b.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %d</title></rect>",
                    label, y + 2, w, row - 6, color, esc(e.getKey()), e.getValue()));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%d</text>", label + w + 4, y + 15, e.getValue()));
        }
        b.append("</svg>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
