package dev.contraband.detect.name;

import dev.contraband.detect.Category;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;
import dev.contraband.detect.Severity;
import dev.contraband.feed.Feed;
import dev.contraband.feed.FeedSet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a Docker Hub repository's description for links to known-bad domains, and reports "imageless" repositories:
 * no tags at all, only a description carrying such links, which is how the 2024 study's millions of spam and
 * phishing repositories look. The bad domains come from the network-indicator feeds ({@link #of(FeedSet)}); catalog
 * scans of Docker Hub namespaces run it on the descriptions Hub lists (docs/catalog.md).
 */
public final class DescriptionChecker {
    public static final Rule BAD_LINK = new Rule("metadata.description-links-bad-domain", Category.MALICIOUS_WEBSITE,
            Severity.HIGH, "Repository description links to a known-bad domain",
            "The repository's description points readers to a domain on a malicious-website feed; do not follow it.");
    public static final Rule IMAGELESS = new Rule("metadata.imageless-repository", Category.MALICIOUS_WEBSITE,
            Severity.HIGH, "Repository has no images, only a description with bad links",
            "A repository without a single tag whose description links to known-bad domains exists to advertise them.");

    // Hosts as written in text: with or without a scheme, and with the "[.]" and "hxxp" defanging feeds use.
    private static final Pattern HOST = Pattern.compile(
            "(?i)(?:(?:h[xt]{2}ps?)://)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.|\\[\\.\\]))+[a-z]{2,63})\\b");

    /** Both rules, for reports that list the rules run (SARIF). */
    public static final List<Rule> RULES = List.of(BAD_LINK, IMAGELESS);

    /**
     * The feed categories whose domains count as bad links. Only malicious-website: the built-in feeds (mining pools,
     * dynamic-DNS providers, tunnel services) list services an honest description links to (a miner image naming
     * its pool, a tunnel image its provider), and a newly-registered domain is young, not known to be bad.
     */
    static final Set<Category> BAD_DOMAIN_CATEGORIES = Set.of(Category.MALICIOUS_WEBSITE);

    private final Set<String> badDomains;

    public DescriptionChecker(Set<String> badDomains) {
        Set<String> normalised = new LinkedHashSet<>();
        badDomains.forEach(d -> normalised.add(d.strip().toLowerCase(Locale.ROOT)));
        this.badDomains = Set.copyOf(normalised);
    }

    /**
     * The checker for the bad domains of {@code feeds}: the domain entries of its {@link #BAD_DOMAIN_CATEGORIES}
     * feeds, less the well-known benign ones (as {@link FeedSet#host} never matches those either). URL and network
     * entries are left out: a URL feed names one page, often on a compromised honest host, so its host is no bad link.
     */
    public static DescriptionChecker of(FeedSet feeds) {
        Set<String> bad = new LinkedHashSet<>();
        for (Feed feed : feeds.feeds()) {
            if (BAD_DOMAIN_CATEGORIES.contains(feed.category())) {
                for (Feed.Entry e : feed.entries()) {
                    if (e.kind() == Feed.Kind.DOMAIN && !feeds.isBenign(e.value())) {
                        bad.add(e.value());
                    }
                }
            }
        }
        return new DescriptionChecker(bad);
    }

    /** Whether the description links to at least one bad domain (cheap enough to ask of every repository). */
    public boolean linksBadDomain(String description) {
        return !check(description).isEmpty();
    }

    /** Findings for each distinct bad domain the description links to. */
    public List<Finding> check(String description) {
        List<Finding> out = new ArrayList<>();
        if (description == null || badDomains.isEmpty()) { // no malicious-website feed given: nothing can match
            return out;
        }
        Set<String> seen = new LinkedHashSet<>();
        Matcher m = HOST.matcher(description);
        while (m.find()) {
            String bad = listed(m.group(1).toLowerCase(Locale.ROOT).replace("[.]", "."));
            if (bad != null && seen.add(bad)) {
                String excerpt = m.group();
                out.add(Finding.of(BAD_LINK, new Location.Metadata("description"),
                        "description links to " + bad + ", a known-bad domain", excerpt.length() > 120
                                ? excerpt.substring(0, 117) + "..." : excerpt, bad, bad));
            }
        }
        return out;
    }

    /** {@link #check}, plus an imageless-repository finding when the repository has no tags. */
    public List<Finding> checkRepository(String description, int tagCount) {
        List<Finding> out = check(description);
        if (tagCount == 0 && !out.isEmpty()) {
            String domains = String.join(", ", out.stream().map(Finding::indicator).toList());
            out.add(Finding.of(IMAGELESS, new Location.Metadata("tags"),
                    "repository has no tags, only a description linking to " + domains, null, out.getFirst().indicator(),
                    domains));
        }
        return out;
    }

    /** The listed domain {@code host} is or is under, or null: feeds list registered domains, links name hosts. */
    private String listed(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        while (h.indexOf('.') > 0) {
            if (badDomains.contains(h)) {
                return h;
            }
            h = h.substring(h.indexOf('.') + 1);
        }
        return null;
    }
}
