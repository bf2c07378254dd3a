package dev.contraband.detect.network;

import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.detect.miner.Documentation;
import dev.contraband.feed.FeedSet;
import dev.contraband.feed.Hosts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns candidate indicators (a host with an optional port, an address, a URL, an onion address) into findings
 * against the feeds, one finding per indicator and place.
 */
final class IndicatorMatcher {
    private final FeedSet feeds;
    private final Map<String, Finding> found = new LinkedHashMap<>();

    IndicatorMatcher(FeedSet feeds) {
        this.feeds = feeds;
    }

    /** A host seen with an optional port (-1: none); {@code raw} is the text it was seen in. */
    void host(String rawHost, int port, String raw, Location at, String where, String url) {
        String host = Hosts.isIpv4(rawHost) || rawHost.contains(":") ? rawHost : Hosts.normalize(rawHost);
        if (host == null || found.containsKey(host)) {
            return;
        }
        if (host.endsWith(".onion")) {
            if (host.matches("([a-z0-9-]+\\.)*[a-z2-7]{56}\\.onion|([a-z0-9-]+\\.)*[a-z2-7]{16}\\.onion")) {
                found.put(host, Finding.of(NetworkRules.ONION, at, "Tor onion address " + host + " in " + where,
                        cut(raw), host, host));
            }
            return;
        }
        List<FeedSet.Match> matches = url != null ? feeds.url(url)
                : Hosts.isIpv4(host) || host.contains(":") ? feeds.address(host) : feeds.host(host);
        if (matches.isEmpty()) {
            return;
        }
        FeedSet.Match m = matches.getFirst();
        String indicator = url != null ? url : port > 0 ? host + ":" + port : host;
        StringBuilder message = new StringBuilder(label(m) + " " + indicator + " in " + where);
        message.append(" (").append(m.feed().name()).append(m.entry().equals(host) ? "" : ": " + m.entry());
        if (m.registered() != null) {
            message.append(", registered ").append(m.registered());
        }
        message.append(')');
        found.put(host, Finding.of(NetworkRules.of(m.category()), at, message.toString(), cut(raw), indicator, indicator));
    }

    private String label(FeedSet.Match m) {
        return switch (m.category()) {
            case CRYPTOMINING -> "mining pool";
            case MALICIOUS_WEBSITE -> "malicious host";
            case NEWLY_REGISTERED_DOMAIN -> "newly registered domain";
            case DYNAMIC_DNS -> "dynamic DNS host";
            case PROXY_AVOIDANCE -> "tunnel/anonymiser";
            case HACKING_TOOL -> "hacking-tool host";
            default -> m.category().id() + " indicator";
        };
    }

    void report(String path, Consumer<Finding> out) {
        for (Finding f : found.values()) {
            out.accept(path == null ? f : Documentation.inContext(f, path));
        }
    }

    boolean hasHost(String host) {
        return found.containsKey(host.toLowerCase(Locale.ROOT));
    }

    static String cut(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 197) + "..." : one;
    }
}
