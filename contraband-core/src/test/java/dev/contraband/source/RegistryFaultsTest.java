package dev.contraband.source;

import dev.contraband.image.ImageException;
import dev.contraband.layer.Compression;
import dev.contraband.registry.FaultProxy;
import dev.contraband.registry.RegistrySettings;
import dev.contraband.registry.TestRegistry;
import dev.contraband.registry.auth.Credential;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.contraband.source.RegistryFixtures.rules;
import static dev.contraband.source.RegistryFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Faults the real registry cannot produce on demand, injected by {@link FaultProxy} in front of it: 429 with
 * Retry-After, a connection broken in the middle of a blob, changed blob bytes, redirects to another host; and the
 * blob cache.
 */
class RegistryFaultsTest {
    static final String NOISE_LAYER = RegistryFixtures.big().layers().getFirst().digest().toString();
    static final String ZSTD_NOISE_LAYER = RegistryFixtures.big(Compression.ZSTD).layers().getFirst().digest().toString();
    @TempDir
    static Path tmp;
    static TestRegistry open;
    static TestRegistry basic;
    FaultProxy proxy;
    RegistrySettings settings;

    @BeforeAll
    static void start() throws Exception {
        Path storage = tmp.resolve("storage");
        open = TestRegistry.start(storage, tmp.resolve("work"), null);
        RegistryFixtures.pushAll(tmp.resolve("layouts"), open);
        Path htpasswd = tmp.resolve("htpasswd");
        Process p = new ProcessBuilder("htpasswd", "-Bbn", "u", "pw-42").start();
        Files.write(htpasswd, p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isZero();
        basic = TestRegistry.start(storage, tmp.resolve("work"), "{htpasswd: {realm: r, path: " + htpasswd + "}}");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        basic.close();
        open.close();
    }

    @BeforeEach
    void proxy() throws IOException {
        proxy = new FaultProxy(URI.create("http://" + open.host()), URI.create("http://" + open.host()));
        settings = RegistryFixtures.settings(Files.createDirectories(tmp.resolve("empty")));
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    private List<FaultProxy.Seen> seen(String pathPart) {
        return proxy.seen().stream().filter(s -> s.path().contains(pathPart)).toList();
    }

    @Test
    void tooManyRequests_withRetryAfter_retriedThenScanned() throws IOException {
        proxy.tooManyRequestsOnce("/manifests/1");
        assertThat(rules(scan(proxy.host() + "/ns/big:1", settings))).contains("artifact.elf-in-temp-dir /tmp/miner");
        assertThat(seen("/manifests/1")).hasSize(2);
    }

    @Test
    void tooManyRequests_noRetriesLeft_failsSayingRateLimited() {
        proxy.tooManyRequestsOnce("/manifests/1");
        assertThatThrownBy(() -> scan(proxy.host() + "/ns/big:1", settings.withRetries(0)))
                .isInstanceOf(ImageException.class).hasMessageContaining("too many requests");
    }

    @Test
    void brokenBlobDownload_resumedWithRange_scanCorrect() throws IOException {
        proxy.breakBodyOnce(NOISE_LAYER);
        assertThat(rules(scan(proxy.host() + "/ns/big:1", settings))).contains("artifact.elf-in-temp-dir /tmp/miner");
        List<FaultProxy.Seen> blob = seen("/blobs/" + NOISE_LAYER);
        assertThat(blob).hasSize(2);
        assertThat(blob.get(0).range()).isNull();
        assertThat(blob.get(1).range()).matches("bytes=[1-9][0-9]*-");
    }

    @Test
    void changedBlobBytes_digestMismatch() {
        proxy.corrupt(ZSTD_NOISE_LAYER);
        assertThatThrownBy(() -> scan(proxy.host() + "/ns/zstd:1", settings))
                .isInstanceOf(ImageException.class).hasMessageContaining(ZSTD_NOISE_LAYER).hasMessageContaining("digest mismatch");
    }

    @Test
    void changedGzipBlobBytes_layerFails() {
        // gzip's own CRC trips before the walker reaches the end of the blob, so the walker says "corrupt gzip
        // data"; either way the layer fails and nothing of it is reported
        proxy.corrupt(NOISE_LAYER);
        assertThatThrownBy(() -> scan(proxy.host() + "/ns/big:1", settings))
                .isInstanceOf(ImageException.class).hasMessageContaining(NOISE_LAYER);
    }

    @Test
    void brokenThenChangedBlob_resumedSpliceStillFailsTheDigest() {
        proxy.breakBodyOnce(ZSTD_NOISE_LAYER);
        proxy.corrupt(ZSTD_NOISE_LAYER);
        assertThatThrownBy(() -> scan(proxy.host() + "/ns/zstd:1", settings))
                .isInstanceOf(ImageException.class).hasMessageContaining("digest mismatch");
        assertThat(seen("/blobs/" + ZSTD_NOISE_LAYER)).anyMatch(s -> s.range() != null);
    }

    @Test
    void changedConfigBytes_refusedBeforeParsing() throws IOException {
        String config = "sha256:" + RegistryFixtures.big().configDigest().hex();
        proxy.corrupt(config);
        assertThatThrownBy(() -> scan(proxy.host() + "/ns/big:1", settings))
                .isInstanceOf(ImageException.class).hasMessageContaining("config digest mismatch");
    }

    @Test
    void redirectToAnotherHost_authorizationDropped() throws IOException {
        try (FaultProxy authProxy = new FaultProxy(URI.create("http://" + basic.host()), URI.create("http://" + open.host()))) {
            authProxy.redirectBlobs(true);
            RegistrySettings s = RegistryFixtures.settings(tmp.resolve("empty"), Map.of(), Credential.password("u", "pw-42"));
            assertThat(rules(scan(authProxy.host() + "/ns/big:1", s))).contains("artifact.elf-in-temp-dir /tmp/miner");
            List<FaultProxy.Seen> storage = authProxy.seen().stream().filter(x -> x.host().equals("127.0.0.2")).toList();
            assertThat(storage).hasSizeGreaterThanOrEqualTo(3).noneMatch(FaultProxy.Seen::authorization);
            assertThat(authProxy.seen()).anyMatch(x -> x.host().equals("127.0.0.1") && x.authorization());
        }
    }

    @Test
    void cacheDir_rescan_downloadsNoBlob() throws IOException {
        RegistrySettings cached = settings.withCache(tmp.resolve("cache"), 1L << 30);
        List<String> first = rules(scan(proxy.host() + "/ns/big:1", cached));
        assertThat(seen("/blobs/")).hasSize(3);
        List<String> second = rules(scan(proxy.host() + "/ns/big:1", cached));
        assertThat(second).isEqualTo(first);
        assertThat(seen("/blobs/")).hasSize(3);
        assertThat(proxy.seen()).filteredOn(x -> x.method().equals("GET") && x.path().contains("/manifests/")).hasSize(1);
    }
}
