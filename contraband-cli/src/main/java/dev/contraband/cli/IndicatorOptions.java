package dev.contraband.cli;

import dev.contraband.detect.Category;
import dev.contraband.feed.Feed;
import dev.contraband.feed.FeedParser;
import dev.contraband.feed.FeedSet;
import dev.contraband.feed.HashFeed;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The indicator-feed flags of {@code scan} (docs/detectors.md). */
final class IndicatorOptions {
    @Option(names = "--feed", paramLabel = "[CATEGORY=]FILE",
            description = "Add an indicator feed: a domain list, hosts file, CSV or STIX 2.1 bundle. CATEGORY is a report "
                    + "category (default: the file's '# category:' header, else malicious-website). Repeatable.")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--feeds-dir", paramLabel = "DIR",
            description = "Add every feed of DIR (what `contraband feeds update` fetched; default: ~/.cache/contraband/feeds when present).")
    Path feedsDir;

    @Option(names = "--hash-feed", paramLabel = "FILE",
            description = "Known-bad file hashes: a sha256 list (as sha256sum prints) or a ClamAV .hsb database. Repeatable.")
    List<Path> hashFeeds = new ArrayList<>();

    @Option(names = "--nrd-days", paramLabel = "DAYS", defaultValue = "30",
            description = "A newly-registered-domain feed entry counts while younger than DAYS (default: ${DEFAULT-VALUE}).")
    int nrdDays;

    /** The default feeds folder: where {@code feeds update} writes unless told otherwise. */
    static Path defaultFeedsDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("contraband").resolve("feeds");
    }

    FeedSet feedSet() throws IOException {
        if (feeds.isEmpty() && feedsDir == null && nrdDays == 30 && !Files.isDirectory(defaultFeedsDir())) {
            return FeedSet.builtIn();
        }
        if (nrdDays < 0) {
            throw new IOException("--nrd-days must be 0 or more");
        }
        List<Feed> extra = new ArrayList<>();
        Path dir = feedsDir != null ? feedsDir : defaultFeedsDir();
        if (feedsDir != null || Files.isDirectory(dir)) {
            extra.addAll(FeedSet.loadFolder(dir));
        }
        for (String spec : feeds) {
            int eq = spec.indexOf('=');
            Category category = null;
            String file = spec;
            if (eq > 0 && !spec.substring(0, eq).contains("/")) {
                category = FeedParser.category(spec.substring(0, eq));
                file = spec.substring(eq + 1);
            }
            Path path = Path.of(file);
            Feed f;
            try {
                f = FeedSet.load(path, category);
            } catch (IOException e) {
                if (category == null && e.getMessage().contains("no category")) {
                    f = FeedSet.load(path, Category.MALICIOUS_WEBSITE);
                } else {
                    throw e;
                }
            }
            extra.add(f);
        }
        return FeedSet.of(FeedSet.builtInFeeds(), extra, nrdDays, LocalDate.now());
    }

    HashFeed hashFeed() throws IOException {
        return hashFeeds.isEmpty() ? HashFeed.empty() : HashFeed.load(hashFeeds);
    }
}
