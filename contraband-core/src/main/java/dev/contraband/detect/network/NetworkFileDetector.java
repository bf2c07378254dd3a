package dev.contraband.detect.network;

import dev.contraband.detect.OpaqueContent;
import dev.contraband.detect.FileAnalysis;
import dev.contraband.detect.FileDetector;
import dev.contraband.detect.FileEntry;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;
import dev.contraband.feed.FeedSet;

import java.util.List;
import java.util.function.Consumer;

/**
 * Network indicators in a layer's files — text, scripts, configs and the printable strings of binaries — matched
 * against the feeds: a domain and its subdomains, networks by CIDR, URLs, and onion addresses.
 */
public final class NetworkFileDetector implements FileDetector {
    private final FeedSet feeds;

    public NetworkFileDetector(FeedSet feeds) {
        this.feeds = feeds;
    }

    public NetworkFileDetector() {
        this(FeedSet.builtIn());
    }

    /** Compiles the engine for {@code feeds} now (it is otherwise built by the first file). */
    public static void prepare(FeedSet feeds) {
        NetworkEngine.of(feeds);
    }

    @Override
    public String id() {
        return "network";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String configuration() {
        return feeds.hash();
    }

    @Override
    public List<Rule> rules() {
        return NetworkRules.all();
    }

    @Override
    public boolean accepts(FileEntry entry) {
        return entry.isRegularFile() && entry.size() > 0;
    }

    @Override
    public FileAnalysis analyze(FileEntry entry) {
        return new Analysis(entry.path());
    }

    /** One file: the engine's hits resolved into indicators, reported at the end. */
    private final class Analysis implements FileAnalysis {
        private final String path;
        private final IndicatorMatcher matcher = new IndicatorMatcher(feeds);
        private final NetworkScan scan;

        Analysis(String path) {
            this.path = path;
            this.scan = new NetworkScan(NetworkEngine.of(feeds), matcher, new Location.File(path, null), path);
            this.gate = new OpaqueContent.Gate(path);
        }

        private final OpaqueContent.Gate gate;

        @Override
        public void update(byte[] chunk, int offset, int length) {
            if (!gate.skip(chunk, offset, length)) {
                scan.update(chunk, offset, length);
            }
        }

        @Override
        public boolean wantsMore() {
            return !gate.skipped();
        }

        @Override
        public void finish(Consumer<Finding> out) {
            scan.finish();
            matcher.report(path, out);
        }
    }
}
