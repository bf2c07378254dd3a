package dev.contraband.feed;

import dev.contraband.image.Digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Known-bad file hashes: sha256 lists (a hash a line, optionally followed by a name, as {@code sha256sum} prints
 * them) and ClamAV {@code .hsb} databases ({@code HASH:SIZE:NAME}, SIZE may be {@code *}). When every entry
 * names its size, only files of those sizes need hashing.
 */
public final class HashFeed {
    private final Map<String, String> names = new HashMap<>();
    private final Set<Long> sizes = new HashSet<>();
    private boolean anySize;

    public static HashFeed empty() {
        return new HashFeed();
    }

    public static HashFeed load(List<Path> files) throws IOException {
        HashFeed feed = new HashFeed();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IOException("hash feed " + f + ": no such file");
            }
            feed.add(f.getFileName().toString(), new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        }
        return feed;
    }

    void add(String source, String text) throws IOException {
        int lineNo = 0;
        for (String raw : text.lines().toList()) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] hsb = line.split(":", 4);
            if (hsb.length >= 3 && hsb[0].matches("[0-9A-Fa-f]{64}")) {
                String hash = hsb[0].toLowerCase(Locale.ROOT);
                names.put(hash, hsb[2]);
                if (hsb[1].equals("*")) {
                    anySize = true;
                } else if (hsb[1].matches("[0-9]+")) {
                    sizes.add(Long.parseLong(hsb[1]));
                } else {
                    throw new IOException("hash feed " + source + " line " + lineNo + ": bad size \"" + hsb[1] + "\"");
                }
                continue;
            }
            if (hsb.length >= 3 && hsb[0].matches("[0-9A-Fa-f]{32}|[0-9A-Fa-f]{40}")) {
                continue; // .hdb (MD5) and SHA-1 lines: not sha256, cannot be matched
            }
            String[] words = line.split("\\s+", 2);
            if (!words[0].matches("[0-9A-Fa-f]{64}")) {
                throw new IOException("hash feed " + source + " line " + lineNo + ": not a sha256 hash or HASH:SIZE:NAME");
            }
            String name = words.length > 1 ? words[1].replaceFirst("^\\*", "").strip() : source;
            names.put(words[0].toLowerCase(Locale.ROOT), name.isEmpty() ? source : name);
            anySize = true;
        }
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    public int size() {
        return names.size();
    }

    /** Whether a file of {@code size} bytes could be in the feed (so must be hashed). */
    public boolean mayContainSize(long size) {
        return !names.isEmpty() && (anySize || sizes.contains(size));
    }

    /** The name the feed gives {@code sha256} (hex), or null. */
    public String name(String sha256) {
        return names.get(sha256);
    }

    /** Identifies the entries, for layer-cache keys. */
    public String hash() {
        StringBuilder s = new StringBuilder();
        names.keySet().stream().sorted().forEach(h -> s.append(h).append('\n'));
        return names.isEmpty() ? "" : Digest.sha256Of(s.toString().getBytes(StandardCharsets.UTF_8)).hex().substring(0, 16);
    }
}
