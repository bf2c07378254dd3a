package dev.contraband.feed;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code feeds update} against a local HTTP server: ETag, sha256 pin, failures keep the previous file. */
class FeedUpdaterTest {
    @TempDir
    Path dir;
    private HttpServer server;
    private final AtomicInteger full = new AtomicInteger();
    private volatile String body = "# source: test server\nevil.example\n";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/domains.txt", ex -> {
            String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
            } else {
                full.incrementAndGet();
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("ETag", etag);
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
            }
            ex.close();
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void config(String extra) throws IOException {
        Files.writeString(dir.resolve("feeds.toml"), """
                [[feed]]
                name = "test-domains"
                url = "%s"
                category = "malicious-website"
                %s
                """.formatted(url("/domains.txt"), extra));
    }

    @Test
    void update_etagAvoidsASecondDownloadAndTheFolderLoads() throws IOException {
        config("");
        List<FeedUpdater.Outcome> first = new FeedUpdater().update(dir);
        assertThat(first).extracting(FeedUpdater.Outcome::status).containsExactly(FeedUpdater.Status.UPDATED);
        List<FeedUpdater.Outcome> second = new FeedUpdater().update(dir);
        assertThat(second).extracting(FeedUpdater.Outcome::status).containsExactly(FeedUpdater.Status.UNCHANGED);
        assertThat(full).hasValue(1);
        List<Feed> feeds = FeedSet.loadFolder(dir);
        assertThat(feeds).singleElement().satisfies(f -> {
            assertThat(f.category().id()).isEqualTo("malicious-website");
            assertThat(f.entries()).extracting(Feed.Entry::value).containsExactly("evil.example");
        });
        body = "evil.example\nworse.example\n";
        assertThat(new FeedUpdater().update(dir)).extracting(FeedUpdater.Outcome::status).containsExactly(FeedUpdater.Status.UPDATED);
        assertThat(FeedSet.loadFolder(dir).getFirst().entries()).hasSize(2);
    }

    @Test
    void update_sha256PinMismatch_failsAndKeepsThePreviousFile() throws IOException {
        String sha = HexFormat.of().formatHex(dev.contraband.image.Digest.newSha256().digest(body.getBytes(StandardCharsets.UTF_8)));
        config("sha256 = \"" + sha + "\"");
        assertThat(new FeedUpdater().update(dir)).extracting(FeedUpdater.Outcome::status).containsExactly(FeedUpdater.Status.UPDATED);
        body = "tampered.example\n";
        FeedUpdater.Outcome o = new FeedUpdater().update(dir).getFirst();
        assertThat(o.status()).isEqualTo(FeedUpdater.Status.FAILED);
        assertThat(o.detail()).contains("does not match the pinned");
        assertThat(Files.readString(o.file())).contains("evil.example");
    }

    @Test
    void update_httpError_reported() throws IOException {
        Files.writeString(dir.resolve("feeds.toml"), "[[feed]]\nname = \"gone\"\nurl = \"" + url("/missing") + "\"\ncategory = \"hacking-tool\"\n");
        FeedUpdater.Outcome o = new FeedUpdater().update(dir).getFirst();
        assertThat(o.status()).isEqualTo(FeedUpdater.Status.FAILED);
        assertThat(o.detail()).contains("HTTP 404");
    }
}
