package dev.contraband.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contraband.detect.Category;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a feed in any of the formats the issue names, told apart by content: a STIX 2.1 bundle (JSON with
 * indicators whose patterns compare {@code domain-name:value}, {@code ipv4-addr:value}, {@code ipv6-addr:value} or
 * {@code url:value}, and the matching cyber-observable objects), a CSV file with a header row, a hosts file
 * ({@code 0.0.0.0 evil.example}), or a list with one domain, address, CIDR network or URL a line. {@code #} lines are
 * comments; header comments {@code # name:}, {@code # category:}, {@code # source:}, {@code # date:} and
 * {@code # ports:} describe the feed.
 */
public final class FeedParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STIX_TERM = Pattern.compile(
            "(domain-name|ipv4-addr|ipv6-addr|url):value\\s*=\\s*'((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern HEADER = Pattern.compile("^#\\s*(name|category|source|date|ports)\\s*:\\s*(.*)$");
    private static final Pattern HOSTS_LINE = Pattern.compile("^(0\\.0\\.0\\.0|127\\.0\\.0\\.1|::1?|::)\\s+(.+)$");

    private FeedParser() {
    }

    /**
     * Parses {@code bytes}; {@code name} and {@code category} apply unless the feed's header says otherwise
     * ({@code category} may be null: then the header must name one).
     */
    public static Feed parse(byte[] bytes, String name, Category category) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String trimmed = text.stripLeading();
        Map<String, String> header = new java.util.HashMap<>();
        List<String> lines = text.lines().toList();
        for (String line : lines) {
            Matcher m = HEADER.matcher(line.strip());
            if (m.matches()) {
                header.putIfAbsent(m.group(1), m.group(2).strip());
            }
        }
        // Continuation lines of a header value ("#   more text") belong to the source.
        String feedName = header.getOrDefault("name", name);
        Category cat = header.containsKey("category") ? category(header.get("category")) : category;
        if (cat == null) {
            throw new IOException("feed " + name + ": no category (give one as --feed CATEGORY=FILE or a '# category:' header)");
        }
        List<Feed.Entry> entries = new ArrayList<>();
        if (trimmed.startsWith("{")) {
            stix(trimmed, entries, name);
        } else if (isCsv(lines)) {
            csv(lines, entries);
        } else {
            for (String raw : lines) {
                String line = stripComment(raw);
                if (line.isEmpty()) {
                    continue;
                }
                Matcher hosts = HOSTS_LINE.matcher(line);
                if (hosts.matches()) {
                    for (String h : hosts.group(2).split("\\s+")) {
                        add(h, null, entries);
                    }
                } else {
                    add(line.split("\\s+")[0], null, entries);
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        if (header.containsKey("ports")) {
            for (String p : header.get("ports").split("[\\s,]+")) {
                if (p.matches("[0-9]{1,5}")) {
                    ports.add(Integer.parseInt(p));
                }
            }
        }
        return new Feed(feedName, cat, header.getOrDefault("source", ""), header.getOrDefault("date", ""), entries, ports);
    }

    /** A category by its report id, such as {@code malicious-website}. */
    public static Category category(String id) throws IOException {
        for (Category c : Category.values()) {
            if (c.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IOException("unknown category \"" + id + "\" (expected one of "
                + Arrays.stream(Category.values()).map(Category::id).toList() + ")");
    }

    private static String stripComment(String raw) {
        String line = raw.strip();
        if (line.startsWith("#") || line.startsWith("!") || line.startsWith(";")) {
            return "";
        }
        int hash = line.indexOf(" #");
        return hash >= 0 ? line.substring(0, hash).strip() : line;
    }

    /** Adds one value: a URL, an address or network, or a domain; values that are none of them are skipped. */
    static void add(String value, LocalDate registered, List<Feed.Entry> entries) {
        String v = value.strip();
        if (v.length() > 1 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.isEmpty()) {
            return;
        }
        if (v.contains("://")) {
            if (Hosts.hostOfUrl(v) != null) {
                entries.add(new Feed.Entry(Feed.Kind.URL, Hosts.normalizeUrl(v), registered));
            }
            return;
        }
        String address = v.contains("/") ? v.substring(0, v.indexOf('/')) : v;
        if (Networks.parse(address) != null) {
            if (new Networks().add(v)) {
                entries.add(new Feed.Entry(Feed.Kind.NETWORK, v.toLowerCase(Locale.ROOT), registered));
            }
            return;
        }
        String host = Hosts.normalize(v);
        if (host != null) {
            entries.add(new Feed.Entry(Feed.Kind.DOMAIN, host, registered));
        }
    }

    private static boolean isCsv(List<String> lines) {
        for (String l : lines) {
            String s = l.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String lower = s.toLowerCase(Locale.ROOT);
            return s.contains(",") && lower.matches(".*\\b(domain|host|hostname|indicator|value|url|ip)\\b.*");
        }
        return false;
    }

    private static void csv(List<String> lines, List<Feed.Entry> entries) {
        int valueCol = -1;
        int dateCol = -1;
        boolean headerSeen = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split(",", -1);
            if (!headerSeen) {
                headerSeen = true;
                for (int i = 0; i < cols.length; i++) {
                    String c = cols[i].strip().replace("\"", "").toLowerCase(Locale.ROOT);
                    if (valueCol < 0 && c.matches("domain|domain_name|host|hostname|indicator|value|url|ip|ioc")) {
                        valueCol = i;
                    }
                    if (dateCol < 0 && c.matches("registered|registration_date|create_date|created|creation_date|date|first_seen")) {
                        dateCol = i;
                    }
                }
                if (valueCol < 0) {
                    valueCol = 0;
                }
                continue;
            }
            if (valueCol >= cols.length) {
                continue;
            }
            LocalDate registered = null;
            if (dateCol >= 0 && dateCol < cols.length) {
                String d = cols[dateCol].strip().replace("\"", "");
                try {
                    registered = d.length() >= 10 ? LocalDate.parse(d.substring(0, 10)) : null;
                } catch (DateTimeParseException e) {
                    registered = null;
                }
            }
            add(cols[valueCol], registered, entries);
        }
    }

    private static void stix(String text, List<Feed.Entry> entries, String name) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new IOException("feed " + name + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        JsonNode objects = root.path("objects");
        if (!"bundle".equals(root.path("type").asText()) || !objects.isArray()) {
            throw new IOException("feed " + name + ": JSON that is not a STIX 2.1 bundle (no \"type\": \"bundle\" with \"objects\")");
        }
        for (JsonNode o : objects) {
            String type = o.path("type").asText();
            if (type.equals("indicator") && "stix".equals(o.path("pattern_type").asText("stix"))) {
                Matcher m = STIX_TERM.matcher(o.path("pattern").asText());
                while (m.find()) {
                    add(m.group(2).replace("\\'", "'").replace("\\\\", "\\"), null, entries);
                }
            } else if (type.equals("domain-name") || type.equals("ipv4-addr") || type.equals("ipv6-addr") || type.equals("url")) {
                add(o.path("value").asText(), null, entries);
            }
        }
    }
}
