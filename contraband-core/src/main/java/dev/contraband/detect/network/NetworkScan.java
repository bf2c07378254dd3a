package dev.contraband.detect.network;

import dev.contraband.detect.Location;
import dev.contraband.pattern.WindowedScan;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file's (or text's) network indicators: each engine hit is checked for host boundaries in a window around it
 * ({@code xnanopool.org} and {@code nanopool.org.example} are not {@code nanopool.org}), widened to the whole host
 * ({@code xmr-eu1.nanopool.org}) with its port, and matched against the feeds by {@link IndicatorMatcher}.
 */
final class NetworkScan implements WindowedScan.Resolver {
    private static final int WINDOW = 300;
    private static final Pattern IPV4 = Pattern.compile("(?<![0-9.])([0-9]{1,3}(?:\\.[0-9]{1,3}){3})(?!\\.?[0-9])");
    private static final Pattern ONION = Pattern.compile("(?i)(?<![A-Za-z0-9-])((?:[a-z0-9-]+\\.)*(?:[a-z2-7]{56}|[a-z2-7]{16})\\.onion)(?![A-Za-z0-9-])");

    private final NetworkEngine engine;
    private final IndicatorMatcher matcher;
    private final WindowedScan scan;
    private final Location at;
    private final String where;

    NetworkScan(NetworkEngine engine, IndicatorMatcher matcher, Location at, String where) {
        this.engine = engine;
        this.matcher = matcher;
        this.at = at;
        this.where = where;
        this.scan = new WindowedScan(engine.database, WINDOW, WINDOW, this);
    }

    void update(byte[] data, int off, int len) {
        scan.update(data, off, len);
    }

    void finish() {
        scan.close();
    }

    @Override
    public boolean resolve(int id, long end, WindowedScan.Window window) {
        String w = new String(window.bytes(), StandardCharsets.ISO_8859_1);
        int h = (int) (end - window.start());
        switch (engine.kinds[id]) {
            case DOMAIN -> domain(w, h, engine.lengths[id], engine.entries[id]);
            case URL -> {
                int s = h - engine.lengths[id];
                if (s >= 0 && (h >= w.length() || " \t\r\n\"'<>)\0".indexOf(w.charAt(h)) >= 0)) {
                    matcher.host(engine.entries[id].replaceFirst("^[a-z]+://", "").replaceFirst("[/:?#].*$", ""), -1,
                            line(w, s), at, where, engine.entries[id]);
                }
            }
            case ONION -> {
                Matcher m = ONION.matcher(w);
                while (m.find()) {
                    matcher.host(m.group(1), -1, line(w, m.start()), at, where, null);
                }
            }
            case IPV4 -> {
                Matcher m = IPV4.matcher(w);
                while (m.find()) {
                    matcher.host(m.group(1), port(w, m.end()), line(w, m.start()), at, where, null);
                }
            }
        }
        return true;
    }

    private void domain(String w, int h, int length, String entry) {
        int s = h - length;
        if (s < 0) {
            return;
        }
        if (h < w.length()) {
            char c = w.charAt(h);
            if (isHostChar(c) && c != '.' || c == '_' || c == '.' && h + 1 < w.length() && isHostChar(w.charAt(h + 1)) && w.charAt(h + 1) != '.') {
                return;
            }
        }
        if (s > 0 && (w.charAt(s - 1) != '.' && (isHostChar(w.charAt(s - 1)) || w.charAt(s - 1) == '_'))) {
            return;
        }
        int b = s;
        while (b > 0 && (isHostChar(w.charAt(b - 1)))) {
            b--;
        }
        if (b > 0 && w.charAt(b - 1) == '_') {
            return;
        }
        String host = w.substring(b, h).replaceFirst("^[.-]+", "");
        if (entry.contains("xn--") && !host.chars().allMatch(c -> c < 128)) {
            host = entry;
        }
        matcher.host(host, port(w, h), line(w, b), at, where, null);
    }

    private static boolean isHostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.';
    }

    private static int port(String w, int after) {
        if (after + 1 < w.length() && w.charAt(after) == ':') {
            int e = after + 1;
            while (e < w.length() && e - after <= 5 && Character.isDigit(w.charAt(e))) {
                e++;
            }
            if (e > after + 1 && (e == w.length() || !Character.isLetterOrDigit(w.charAt(e)))) {
                int p = Integer.parseInt(w.substring(after + 1, e));
                return p > 0 && p < 65536 ? p : -1;
            }
        }
        return -1;
    }

    /** The printable text around {@code at}: the evidence. */
    private static String line(String w, int at) {
        int from = at;
        while (from > 0 && from > at - 100 && w.charAt(from - 1) >= ' ' && w.charAt(from - 1) < 127) {
            from--;
        }
        int to = at;
        while (to < w.length() && to < at + 150 && w.charAt(to) >= ' ' && w.charAt(to) < 127) {
            to++;
        }
        return w.substring(from, to);
    }
}
