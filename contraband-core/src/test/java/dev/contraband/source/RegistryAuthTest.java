package dev.contraband.source;

import dev.contraband.image.ImageException;
import dev.contraband.registry.RegistrySettings;
import dev.contraband.registry.TestRegistry;
import dev.contraband.registry.TokenServer;
import dev.contraband.registry.auth.Credential;
import dev.contraband.scan.ImageReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import static dev.contraband.source.RegistryFixtures.rules;
import static dev.contraband.source.RegistryFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Auth against the real registry: htpasswd Basic, and token auth with the registry's {@code auth.token} pointed at a
 * token endpoint of this test that signs JWTs; credentials from flags, config.json and a credential helper.
 */
class RegistryAuthTest {
    static final String USER = "scanner";
    static final String PASSWORD = "s3cret-Pa55word";
    @TempDir
    static Path tmp;
    static TestRegistry open;
    static TestRegistry basic;
    static TestRegistry token;
    static TokenServer tokens;

    @BeforeAll
    static void start() throws Exception {
        Path storage = tmp.resolve("storage");
        open = TestRegistry.start(storage, tmp.resolve("work"), null);
        RegistryFixtures.pushAll(tmp.resolve("layouts"), open);
        Process p = new ProcessBuilder("htpasswd", "-Bbn", USER, PASSWORD).start();
        Path htpasswd = tmp.resolve("htpasswd");
        Files.write(htpasswd, p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isZero();
        basic = TestRegistry.start(storage, tmp.resolve("work"), "{htpasswd: {realm: contraband-test, path: " + htpasswd + "}}");
        tokens = TokenServer.start(tmp.resolve("token"), USER, PASSWORD, 300);
        token = TestRegistry.start(storage, tmp.resolve("work"), tokens.registryAuth());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        tokens.close();
        token.close();
        basic.close();
        open.close();
    }

    static RegistrySettings withFlags(String user, String password) throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("no-docker-config"));
        return RegistryFixtures.settings(empty, Map.of(), Credential.password(user, password));
    }

    @Test
    void basic_rightPassword_pulls() throws IOException {
        assertThat(rules(scan(basic.host() + "/ns/dropper:1", withFlags(USER, PASSWORD)))).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void basic_wrongPassword_authenticationFailedWithoutThePassword() {
        assertThatThrownBy(() -> scan(basic.host() + "/ns/dropper:1", withFlags(USER, "wrong-" + PASSWORD)))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("authentication failed for " + basic.host())
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void basic_noCredential_saysCredentialsAreNeeded() throws IOException {
        RegistrySettings none = RegistryFixtures.settings(tmp.resolve("none"));
        assertThatThrownBy(() -> scan(basic.host() + "/ns/dropper:1", none))
                .isInstanceOf(ImageException.class).hasMessageContaining("authentication required for " + basic.host());
    }

    @Test
    void token_rightPassword_pullsWithOneTokenForTheRepository() throws IOException {
        int before = tokens.issued();
        ImageReport report = scan(token.host() + "/ns/big:1", withFlags(USER, PASSWORD));
        assertThat(rules(report)).contains("artifact.elf-in-temp-dir /tmp/miner");
        // manifest, config and two layers share the cached token of scope repository:ns/big:pull
        assertThat(tokens.issued() - before).isEqualTo(1);
        assertThat(tokens.scopes()).contains("repository:ns/big:pull");
    }

    @Test
    void token_wrongPassword_authenticationFailedWithoutThePassword() {
        assertThatThrownBy(() -> scan(token.host() + "/ns/big:1", withFlags(USER, "nope-" + PASSWORD)))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("authentication failed for " + token.host())
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void dockerConfig_inlineAuth_usedForTheRegistry() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("docker-inline"));
        String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("config.json"), "{\"auths\": {\"http://" + basic.host() + "\": {\"auth\": \"" + auth + "\"}}}");
        RegistrySettings s = RegistryFixtures.settings(null, Map.of("DOCKER_CONFIG", dir.toString()), null);
        assertThat(rules(scan(basic.host() + "/ns/dropper:1", s))).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void dockerConfig_credentialHelper_runAndUsedForTokenAuth() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path helper = bin.resolve("docker-credential-test");
        Path asked = tmp.resolve("helper-asked");
        // a stand-in for docker-credential-pass & co: records what it was asked, answers with the credential
        Files.writeString(helper, "#!/bin/sh\n[ \"$1\" = get ] || exit 3\ncat > " + asked + "\n"
                + "printf '{\"ServerURL\":\"%s\",\"Username\":\"" + USER + "\",\"Secret\":\"" + PASSWORD + "\"}' \"$(cat " + asked + ")\"\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dir = Files.createDirectories(tmp.resolve("docker-helper"));
        Files.writeString(dir.resolve("config.json"), "{\"credHelpers\": {\"" + token.host() + "\": \"test\"}}");
        RegistrySettings s = RegistryFixtures.settings(dir, Map.of("PATH", bin.toString()), null);
        assertThat(rules(scan(token.host() + "/ns/dropper:1", s))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(Files.readString(asked)).isEqualTo(token.host());
    }

    @Test
    void dockerConfig_credsStoreHelperMissing_failsNamingTheHelper() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("docker-store"));
        Files.writeString(dir.resolve("config.json"), "{\"credsStore\": \"absent\"}");
        RegistrySettings s = RegistryFixtures.settings(dir, Map.of("PATH", tmp.resolve("bin-empty").toString()), null);
        assertThatThrownBy(() -> scan(basic.host() + "/ns/dropper:1", s))
                .isInstanceOf(ImageException.class).hasMessageContaining("docker-credential-absent");
    }

    @Test
    void anonymous_openRegistry_neverReadsDockerConfig() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("docker-broken"));
        Files.writeString(dir.resolve("config.json"), "{ not json");
        RegistrySettings s = RegistryFixtures.settings(dir, Map.of(), null);
        assertThat(rules(scan(open.host() + "/ns/dropper:1", s))).hasSizeGreaterThanOrEqualTo(5);
    }
}
