package dev.contraband.feed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.contraband.detect.Category;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * {@code contraband feeds update}: fetches the feeds a folder's {@code feeds.toml} configures, each into
 * {@code CATEGORY.NAME.EXT} beside it (so {@link FeedSet#loadFolder} knows its category), with an ETag
 * ({@code If-None-Match}, kept in {@code NAME.etag}) so an unchanged feed is not downloaded again, and an optional
 * sha256 pin that a download must match. A failed or mismatching download keeps the previous file.
 *
 * <pre>
 * [[feed]]
 * name = "abuse-domains"            # file name part; letters, digits, dots, dashes
 * url = "https://example.org/domains.txt"
 * category = "malicious-website"    # a report category
 * sha256 = "…"                      # optional: the download must have this sha256
 * </pre>
 */
public final class FeedUpdater {
    /** One configured feed. */
    public record Source(String name, String url, String category, String sha256) {
    }

    private record ConfigToml(List<Source> feed) {
    }

    /** What happened to one feed. */
    public record Outcome(Source source, Status status, Path file, String detail) {
    }

    public enum Status { UPDATED, UNCHANGED, FAILED }

    public static final String CONFIG = "feeds.toml";
    private static final long MAX_BYTES = 256L << 20;
    private final HttpClient http;

    public FeedUpdater() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NORMAL).build());
    }

    FeedUpdater(HttpClient http) {
        this.http = http;
    }

    /** The sources of {@code dir/feeds.toml}. */
    public static List<Source> sources(Path dir) throws IOException {
        Path config = dir.resolve(CONFIG);
        if (!Files.isRegularFile(config)) {
            throw new IOException("no " + CONFIG + " in " + dir + " (it lists the feeds to fetch; see docs/detectors.md)");
        }
        ConfigToml c = new TomlMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(config.toFile(), ConfigToml.class);
        List<Source> out = new ArrayList<>();
        for (Source s : c.feed() == null ? List.<Source>of() : c.feed()) {
            if (s.name() == null || !s.name().matches("[A-Za-z0-9][A-Za-z0-9.-]*") || s.url() == null || s.category() == null) {
                throw new IOException(config + ": each [[feed]] needs name (letters, digits, dots, dashes), url and category");
            }
            FeedParser.category(s.category());
            if (s.sha256() != null && !s.sha256().matches("[0-9a-fA-F]{64}")) {
                throw new IOException(config + ": feed " + s.name() + ": sha256 must be 64 hex digits");
            }
            out.add(s);
        }
        return out;
    }

    /** Fetches every source of {@code dir}; never throws for one feed's failure (its outcome says why). */
    public List<Outcome> update(Path dir) throws IOException {
        List<Outcome> out = new ArrayList<>();
        for (Source s : sources(dir)) {
            out.add(update(dir, s));
        }
        return out;
    }

    Outcome update(Path dir, Source s) {
        Category category;
        try {
            category = FeedParser.category(s.category());
        } catch (IOException e) {
            return new Outcome(s, Status.FAILED, null, e.getMessage());
        }
        Path file = dir.resolve(category.id() + "." + s.name() + "." + extension(s.url()));
        Path etagFile = dir.resolve(s.name() + ".etag");
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(s.url())).timeout(Duration.ofMinutes(2)).GET();
            if (Files.isRegularFile(file) && Files.isRegularFile(etagFile)) {
                req.header("If-None-Match", Files.readString(etagFile, StandardCharsets.UTF_8).strip());
            }
            HttpResponse<byte[]> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() == 304) {
                return new Outcome(s, Status.UNCHANGED, file, "not modified (ETag)");
            }
            if (resp.statusCode() != 200) {
                return new Outcome(s, Status.FAILED, file, "HTTP " + resp.statusCode() + " from " + s.url());
            }
            byte[] body = resp.body();
            if (body.length > MAX_BYTES) {
                return new Outcome(s, Status.FAILED, file, "larger than " + MAX_BYTES + " bytes");
            }
            String sha = HexFormat.of().formatHex(dev.contraband.image.Digest.newSha256().digest(body));
            if (s.sha256() != null && !s.sha256().toLowerCase(Locale.ROOT).equals(sha)) {
                return new Outcome(s, Status.FAILED, file, "sha256 " + sha + " does not match the pinned " + s.sha256());
            }
            Feed parsed = FeedParser.parse(body, s.name(), category);
            Path tmp = Files.createTempFile(dir, ".feed-", ".tmp");
            try {
                Files.write(tmp, body);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            String etag = resp.headers().firstValue("ETag").orElse(null);
            if (etag != null) {
                Files.writeString(etagFile, etag + "\n", StandardCharsets.UTF_8);
            } else {
                Files.deleteIfExists(etagFile);
            }
            return new Outcome(s, Status.UPDATED, file, parsed.entries().size() + " entries, sha256 " + sha);
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(s, Status.FAILED, file, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(s, Status.FAILED, file, "interrupted");
        }
    }

    private static String extension(String url) {
        String path = url.replaceFirst("[?#].*$", "");
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        for (String ext : List.of("json", "csv", "hosts")) {
            if (name.endsWith("." + ext)) {
                return ext;
            }
        }
        return "txt";
    }
}
