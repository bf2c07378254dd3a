package dev.contraband.detect.network;

import dev.contraband.detect.Finding;
import dev.contraband.detect.ImageContext;
import dev.contraband.detect.ImageDetector;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;
import dev.contraband.feed.FeedSet;
import dev.contraband.feed.Hosts;
import dev.contraband.detect.shell.ConfigTexts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Network indicators in the image config — ENTRYPOINT/CMD, Env, labels and history — extracted whole (URLs,
 * domains, IPv4 and IPv6 addresses, onion addresses: these texts are short, so every candidate is looked up) and
 * matched against the feeds.
 */
public final class NetworkConfigDetector implements ImageDetector {
    private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]{1,15}://[^\\s\"'<>`]+");
    private static final Pattern HOST = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{1,62})\\.?(?::([0-9]{1,5}))?(?![A-Za-z0-9_-])");
    private static final Pattern IPV4 = Pattern.compile("(?<![0-9.])([0-9]{1,3}(?:\\.[0-9]{1,3}){3})(?::([0-9]{1,5}))?(?!\\.?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("(?<![0-9A-Fa-f:])((?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4})(?![0-9A-Fa-f:])");
    private final FeedSet feeds;

    public NetworkConfigDetector(FeedSet feeds) {
        this.feeds = feeds;
    }

    public NetworkConfigDetector() {
        this(FeedSet.builtIn());
    }

    @Override
    public String id() {
        return "network-config";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<Rule> rules() {
        return List.of();
    }

    @Override
    public List<Finding> analyze(ImageContext image) {
        List<Finding> out = new ArrayList<>();
        for (ConfigTexts.Text t : ConfigTexts.of(image)) {
            IndicatorMatcher m = new IndicatorMatcher(feeds);
            scan(t.text(), t.location(), t.where(), m);
            m.report(null, out::add);
        }
        return out;
    }

    static void scan(String text, Location at, String where, IndicatorMatcher m) {
        Matcher u = URL.matcher(text);
        while (u.find()) {
            String url = u.group().replaceAll("[.,;)]+$", "");
            String host = Hosts.hostOfUrl(url);
            if (host != null) {
                m.host(host, -1, text, at, where, url);
            }
        }
        Matcher h = HOST.matcher(text);
        while (h.find()) {
            m.host(h.group(1), h.group(2) == null ? -1 : Integer.parseInt(h.group(2)), text, at, where, null);
        }
        Matcher v4 = IPV4.matcher(text);
        while (v4.find()) {
            m.host(v4.group(1), v4.group(2) == null ? -1 : Integer.parseInt(v4.group(2)), text, at, where, null);
        }
        Matcher v6 = IPV6.matcher(text);
        while (v6.find()) {
            if (Hosts.isIpv6(v6.group(1))) {
                m.host(v6.group(1).toLowerCase(java.util.Locale.ROOT), -1, text, at, where, null);
            }
        }
    }
}
