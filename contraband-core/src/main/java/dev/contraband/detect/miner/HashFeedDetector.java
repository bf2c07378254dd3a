package dev.contraband.detect.miner;

import dev.contraband.detect.FileAnalysis;
import dev.contraband.detect.FileDetector;
import dev.contraband.detect.FileEntry;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;
import dev.contraband.feed.HashFeed;
import dev.contraband.image.Digest;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Known-bad files by sha256 ({@code --hash-feed}): each regular file that could be in the feed (by size, when the
 * feed gives sizes) is hashed once as its chunks pass. With no hash feed it accepts nothing and costs nothing.
 */
public final class HashFeedDetector implements FileDetector {
    private final HashFeed feed;

    public HashFeedDetector(HashFeed feed) {
        this.feed = feed;
    }

    public HashFeedDetector() {
        this(HashFeed.empty());
    }

    @Override
    public String id() {
        return "hash-feed";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String configuration() {
        return feed.hash();
    }

    @Override
    public List<Rule> rules() {
        return List.of(MinerRules.KNOWN_MINER_HASH, MinerRules.KNOWN_BAD_HASH);
    }

    @Override
    public boolean accepts(FileEntry entry) {
        return entry.isRegularFile() && feed.mayContainSize(entry.size());
    }

    @Override
    public FileAnalysis analyze(FileEntry entry) {
        MessageDigest sha = Digest.newSha256();
        return new FileAnalysis() {
            @Override
            public void update(byte[] chunk, int offset, int length) {
                sha.update(chunk, offset, length);
            }

            @Override
            public void finish(Consumer<Finding> out) {
                String hex = HexFormat.of().formatHex(sha.digest());
                String name = feed.name(hex);
                if (name != null) {
                    boolean miner = name.toLowerCase(Locale.ROOT).matches(".*(miner|xmrig|xmr|coin|monero|crypto|stratum).*");
                    Rule rule = miner ? MinerRules.KNOWN_MINER_HASH : MinerRules.KNOWN_BAD_HASH;
                    out.accept(Finding.of(rule, new Location.File(entry.path(), null),
                            entry.path() + " is " + name + " (known-bad sha256)", "sha256:" + hex, "sha256:" + hex, hex));
                }
            }
        };
    }
}
