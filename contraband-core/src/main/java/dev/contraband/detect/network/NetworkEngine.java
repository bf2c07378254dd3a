package dev.contraband.detect.network;

import dev.contraband.feed.FeedSet;
import dev.contraband.pattern.PatternDatabase;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The network family's Hyperscan database for one {@link FeedSet}: every feed domain (and its Unicode form for
 * IDNs) and URL as a case-insensitive literal, onion addresses, and IPv4 addresses when a feed lists networks.
 * Looking for the feeds' own entries, rather than extracting every domain-like word of every file, keeps the cost
 * to the hits that can match (a 200 MB root filesystem has millions of {@code name.ext} words). Compiled once per
 * feed set.
 */
final class NetworkEngine {
    enum Kind { DOMAIN, URL, ONION, IPV4 }

    private static final Map<FeedSet, NetworkEngine> CACHE = new WeakHashMap<>();

    final PatternDatabase database;
    final Kind[] kinds;
    /** For DOMAIN and URL ids: the feed entry (the punycode form for a Unicode literal). */
    final String[] entries;
    /** For DOMAIN and URL ids: the literal's length in bytes. */
    final int[] lengths;

    private NetworkEngine(FeedSet feeds) {
        List<String> regexes = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        for (String d : feeds.domainEntries().stream().sorted().toList()) {
            add(regexes, kinds, entries, lengths, Kind.DOMAIN, d, d);
            if (d.contains("xn--")) {
                String unicode = IDN.toUnicode(d, IDN.ALLOW_UNASSIGNED);
                if (!unicode.equals(d)) {
                    add(regexes, kinds, entries, lengths, Kind.DOMAIN, unicode, d);
                }
            }
        }
        for (String u : feeds.urlEntries().stream().sorted().toList()) {
            add(regexes, kinds, entries, lengths, Kind.URL, u, u);
        }
        regexes.add("(?i)[a-z2-7]{16}([a-z2-7]{40})?\\.onion");
        kinds.add(Kind.ONION);
        entries.add(null);
        lengths.add(0);
        if (feeds.hasAddresses()) {
            regexes.add("[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
            kinds.add(Kind.IPV4);
            entries.add(null);
            lengths.add(0);
        }
        this.database = PatternDatabase.compile(regexes);
        this.kinds = kinds.toArray(Kind[]::new);
        this.entries = entries.toArray(String[]::new);
        this.lengths = lengths.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void add(List<String> regexes, List<Kind> kinds, List<String> entries, List<Integer> lengths,
                            Kind kind, String literal, String entry) {
        StringBuilder r = new StringBuilder("(?i)");
        for (byte b : literal.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 0x80) {
                r.append(String.format("\\x%02x", c));
            } else if (Character.isLetterOrDigit(c)) {
                r.append((char) c);
            } else {
                r.append('\\').append((char) c);
            }
        }
        regexes.add(r.toString());
        kinds.add(kind);
        entries.add(entry);
        lengths.add(literal.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    static NetworkEngine of(FeedSet feeds) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(feeds, NetworkEngine::new);
        }
    }
}
