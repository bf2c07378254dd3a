package dev.contraband.source;

import dev.contraband.image.ImageException;
import dev.contraband.image.Platform;
import dev.contraband.registry.Reference;
import dev.contraband.registry.RegistryClient;
import dev.contraband.registry.RegistrySettings;
import dev.contraband.registry.TestRegistry;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Scans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.contraband.source.RegistryFixtures.rules;
import static dev.contraband.source.RegistryFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pulling from Debian's real docker-registry, anonymously: manifest formats, platforms, digests, listings, errors. */
class RegistrySourceTest {
    @TempDir
    static Path tmp;
    static TestRegistry registry;
    static RegistrySettings settings;

    @BeforeAll
    static void start() throws Exception {
        registry = TestRegistry.start(tmp.resolve("storage"), tmp.resolve("work"), null);
        RegistryFixtures.pushAll(tmp.resolve("layouts"), registry);
        settings = RegistryFixtures.settings(tmp.resolve("docker-empty"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        registry.close();
    }

    @Test
    void images_ociManifest_sameFindingsAsTheOciLayout() throws IOException {
        Path layout = tmp.resolve("layouts/dropper");
        ImageReport fromLayout = Scans.scan("oci:" + layout + ":v1");
        ImageReport pulled = scan(registry.host() + "/ns/dropper:1", settings);
        assertThat(rules(pulled)).hasSizeGreaterThanOrEqualTo(5).isEqualTo(rules(fromLayout));
        assertThat(pulled.digest()).isEqualTo(fromLayout.digest());
        assertThat(pulled.name()).isEqualTo(registry.host() + "/ns/dropper:1");
    }

    @Test
    void images_dockerV2Manifest_pulledAndScanned() throws IOException {
        ImageReport oci = scan(registry.host() + "/ns/big:1", settings);
        ImageReport v2 = scan("docker://" + registry.host() + "/ns/big-v2:1", settings);
        assertThat(rules(v2)).contains("artifact.elf-in-temp-dir /tmp/miner").isEqualTo(rules(oci));
        assertThat(v2.digest()).isNotEqualTo(oci.digest());
    }

    @Test
    void images_multiPlatformIndex_picksThePlatformAsked() throws IOException {
        String ref = "registry:" + registry.host() + "/ns/multi:1";
        assertThat(rules(scan(ref, settings))).doesNotContain("artifact.elf-in-temp-dir /tmp/arm-miner");
        assertThat(rules(scan(ref, settings, PlatformSelection.of(Platform.parse("linux/arm64"))).getFirst()))
                .contains("artifact.elf-in-temp-dir /tmp/arm-miner");
        List<ImageReport> all = scan(ref, settings, PlatformSelection.allPlatforms());
        assertThat(all).extracting(ImageReport::platform).containsExactlyInAnyOrder("linux/amd64", "linux/arm64/v8");
    }

    @Test
    void images_digestPinned_scansThatManifest() throws IOException {
        ImageReport byTag = scan(registry.host() + "/ns/dropper:1", settings);
        ImageReport byDigest = scan(registry.host() + "/ns/dropper@" + byTag.digest(), settings);
        assertThat(byDigest.digest()).isEqualTo(byTag.digest());
        assertThat(rules(byDigest)).isEqualTo(rules(byTag));
    }

    @Test
    void images_unknownTag_failsNamingTheReference() {
        assertThatThrownBy(() -> scan(registry.host() + "/ns/dropper:nope", settings))
                .isInstanceOf(ImageException.class)
                .hasMessageStartingWith(registry.host() + "/ns/dropper:nope: ").hasMessageContaining("unknown");
    }

    @Test
    void images_unknownRepository_failsNamingIt() {
        assertThatThrownBy(() -> scan(registry.host() + "/ns/absent:1", settings))
                .isInstanceOf(ImageException.class).hasMessageContaining(registry.host() + "/ns/absent:1");
    }

    @Test
    void images_unknownDigest_failsNamingIt() {
        String digest = "sha256:" + "ab".repeat(32);
        assertThatThrownBy(() -> scan(registry.host() + "/ns/dropper@" + digest, settings))
                .isInstanceOf(ImageException.class).hasMessageContaining("ns/dropper@" + digest);
    }

    @Test
    void open_invalidReference_refusedSayingWhichPart() {
        assertThatThrownBy(() -> scan(registry.host() + "/ns/dropper:bad:tag!", settings))
                .isInstanceOf(ImageException.class).hasMessageContaining("tag \"tag!\"");
    }

    @Test
    void open_registryNotListening_failsWithConnectionRefused() throws IOException {
        int port = TestRegistry.freePort();
        assertThatThrownBy(() -> scan("127.0.0.1:" + port + "/ns/x:1", settings))
                .isInstanceOf(ImageException.class).hasMessageContaining("cannot connect to 127.0.0.1:" + port);
    }

    @Test
    void tags_paginated_allPagesFollowed() throws IOException {
        try (RegistryClient client = RegistryClient.create(settings)) {
            // Distribution 2.8 pages tags in an odd order; what matters is that every page is followed
            assertThat(client.tags(Reference.parse(registry.host() + "/ns/many"), 2))
                    .containsExactlyInAnyOrder("t1", "t2", "t3", "t4", "t5");
        }
    }

    @Test
    void catalog_paginated_listsEveryRepository() throws IOException {
        try (RegistryClient client = RegistryClient.create(settings)) {
            assertThat(client.catalog(registry.host(), 2))
                    .containsExactly("ns/big", "ns/big-v2", "ns/dropper", "ns/many", "ns/multi", "ns/zstd");
        }
    }
}
