package dev.contraband.feed;

import dev.contraband.detect.Category;
import dev.contraband.image.Digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every indicator feed of a scan, with the lookups detectors use: a domain matches its own entries and those of
 * every parent domain (suffix-aware: {@code a.b.evil.example} matches {@code evil.example}); an address matches the
 * networks that hold it (CIDR); a URL matches itself. Entries for well-known benign domains (the built-in
 * {@code benign} list) never match on their own; newly-registered-domain entries match only while younger than
 * the threshold. Immutable and thread-safe.
 */
public final class FeedSet {
    /** One feed entry that matched, and the value that matched it. */
    public record Match(Feed feed, String entry, Category category, LocalDate registered) {
    }

    static final String BUILT_IN_DIR = "/dev/contraband/detect/network/feeds/";
    static final List<String> BUILT_IN = List.of("mining-pools.txt", "dynamic-dns.txt", "proxy-avoidance.txt");
    public static final int DEFAULT_NRD_DAYS = 30;
    private static volatile FeedSet builtIn;

    private final List<Feed> feeds;
    private final Set<String> benign;
    private final Map<String, List<Match>> domains = new HashMap<>();
    private final Map<String, List<Match>> urls = new HashMap<>();
    private final List<Map.Entry<Feed, Networks>> networks = new ArrayList<>();
    private final Set<Integer> poolPorts = new HashSet<>();
    private final LocalDate today;
    private final int nrdDays;
    private final String hash;

    private FeedSet(List<Feed> feeds, Set<String> benign, LocalDate today, int nrdDays) {
        this.feeds = List.copyOf(feeds);
        this.benign = Set.copyOf(benign);
        this.today = today;
        this.nrdDays = nrdDays;
        StringBuilder material = new StringBuilder("nrd=" + nrdDays + "\n");
        for (Feed f : feeds) {
            Networks n = new Networks();
            for (Feed.Entry e : f.entries()) {
                Match m = new Match(f, e.value(), f.category(), e.registered());
                switch (e.kind()) {
                    case DOMAIN -> domains.computeIfAbsent(e.value(), k -> new ArrayList<>(1)).add(m);
                    case URL -> urls.computeIfAbsent(e.value(), k -> new ArrayList<>(1)).add(m);
                    case NETWORK -> n.add(e.value());
                }
                material.append(f.category().id()).append(' ').append(e.value()).append(' ').append(e.registered()).append('\n');
            }
            if (!n.isEmpty()) {
                networks.add(Map.entry(f, n));
            }
            if (f.category() == Category.CRYPTOMINING) {
                poolPorts.addAll(f.ports());
            }
        }
        benign.stream().sorted().forEach(b -> material.append("benign ").append(b).append('\n'));
        this.hash = Digest.sha256Of(material.toString().getBytes(StandardCharsets.UTF_8)).hex().substring(0, 16);
    }

    /** The built-in feeds (mining pools, dynamic DNS, tunnels), read once. */
    public static FeedSet builtIn() {
        FeedSet b = builtIn;
        if (b == null) {
            synchronized (FeedSet.class) {
                if (builtIn == null) {
                    builtIn = of(builtInFeeds(), List.of(), DEFAULT_NRD_DAYS, LocalDate.now());
                }
                b = builtIn;
            }
        }
        return b;
    }

    /** The built-in feeds plus {@code extra}; newly registered domains count for {@code nrdDays} days. */
    public static FeedSet of(List<Feed> builtIns, List<Feed> extra, int nrdDays, LocalDate today) {
        List<Feed> all = new ArrayList<>(builtIns);
        all.addAll(extra);
        return new FeedSet(all, benignDomains(), today, nrdDays);
    }

    public static List<Feed> builtInFeeds() {
        List<Feed> out = new ArrayList<>();
        for (String name : BUILT_IN) {
            out.add(resource(name));
        }
        return out;
    }

    private static Feed resource(String name) {
        try (InputStream in = FeedSet.class.getResourceAsStream(BUILT_IN_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("built-in feed missing: " + name);
            }
            return FeedParser.parse(in.readAllBytes(), name.replaceAll("\\.txt$", ""), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> benignDomains() {
        Set<String> out = new LinkedHashSet<>();
        resource("benign.txt".replace(".txt", ".txt")).entries().forEach(e -> out.add(e.value()));
        out.add("localhost");
        return out;
    }

    /**
     * Reads one feed file; {@code category} applies when the file names none ({@code null}: the file must). A
     * folder's files are read by {@link #loadFolder}.
     */
    public static Feed load(Path file, Category category) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("feed " + file + ": no such file");
        }
        return FeedParser.parse(Files.readAllBytes(file), file.getFileName().toString().replaceAll("\\.[^.]*$", ""), category);
    }

    /**
     * The feeds of a folder: every {@code *.txt}, {@code *.hosts}, {@code *.csv} and {@code *.json} file (sorted by
     * name), each naming its category in its header, or in its file name ({@code malicious-website.txt},
     * {@code proxy-avoidance.csv}, {@code newly-registered-domain.urlhaus.csv}).
     */
    public static List<Feed> loadFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("feeds folder " + dir + ": no such folder");
        }
        List<Feed> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.(txt|hosts|csv|json)$")).sorted().toList();
        }
        for (Path f : files) {
            Category byName = null;
            String base = f.getFileName().toString();
            for (Category c : Category.values()) {
                if (base.startsWith(c.id() + ".") || base.startsWith(c.id() + "-")) {
                    byName = c;
                }
            }
            out.add(load(f, byName));
        }
        return out;
    }

    public List<Feed> feeds() {
        return feeds;
    }

    /** Identifies the entries, for layer-cache keys. */
    public String hash() {
        return hash;
    }

    /** The ports the mining-pool feeds name. */
    public Set<Integer> poolPorts() {
        return poolPorts;
    }

    /** Whether {@code host} (normalised) is a well-known benign domain or under one. */
    public boolean isBenign(String host) {
        for (String h = host; h != null; h = parent(h)) {
            if (benign.contains(h)) {
                return true;
            }
        }
        return false;
    }

    /** The feed entries {@code host} (normalised) or one of its parent domains matches. */
    public List<Match> host(String host) {
        List<Match> out = new ArrayList<>();
        for (String h = host; h != null; h = parent(h)) {
            List<Match> m = domains.get(h);
            if (m != null) {
                if (isBenign(h)) {
                    return List.of();
                }
                for (Match x : m) {
                    if (fresh(x)) {
                        out.add(x);
                    }
                }
            }
        }
        return out;
    }

    /** The feed networks holding {@code address}. */
    public List<Match> address(String address) {
        List<Match> out = new ArrayList<>();
        for (Map.Entry<Feed, Networks> n : networks) {
            String cidr = n.getValue().find(address);
            if (cidr != null) {
                out.add(new Match(n.getKey(), cidr, n.getKey().category(), null));
            }
        }
        return out;
    }

    /** The feed entries for {@code url} itself (URL feeds), then for its host. */
    public List<Match> url(String url) {
        List<Match> out = new ArrayList<>(urls.getOrDefault(Hosts.normalizeUrl(url), List.of()));
        String host = Hosts.hostOfUrl(url);
        if (host != null) {
            out.addAll(Hosts.isIpv4(host) || host.contains(":") ? address(host) : host(host));
        }
        return out;
    }

    public boolean hasAddresses() {
        return !networks.isEmpty();
    }

    /** Every domain entry (for the pattern engine's literals). */
    public Set<String> domainEntries() {
        return domains.keySet();
    }

    /** Every URL entry. */
    public Set<String> urlEntries() {
        return urls.keySet();
    }

    private boolean fresh(Match m) {
        return m.registered() == null || !m.registered().isBefore(today.minusDays(nrdDays));
    }

    private static String parent(String host) {
        int dot = host.indexOf('.');
        return dot < 0 || host.indexOf('.', dot + 1) < 0 ? null : host.substring(dot + 1);
    }
}
