package dev.contraband.registry;

import dev.contraband.registry.auth.Challenge;
import dev.contraband.registry.auth.Credential;
import dev.contraband.registry.auth.DockerConfig;
import dev.contraband.registry.auth.TokenCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The small parts of auth: challenges, token expiry, config.json, credential redaction. */
class AuthPartsTest {
    @TempDir
    Path tmp;

    @Test
    void parse_dockerHubBearerChallenge_allParams() {
        List<Challenge> c = Challenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:library/nginx:pull\"");
        assertThat(c).hasSize(1);
        assertThat(c.getFirst().isBearer()).isTrue();
        assertThat(c.getFirst().param("realm")).isEqualTo("https://auth.docker.io/token");
        assertThat(c.getFirst().param("scope")).isEqualTo("repository:library/nginx:pull");
    }

    @Test
    void parse_twoChallengesAndTokenValues_bothKept() {
        List<Challenge> c = Challenge.parse("Basic realm=\"r, with comma\", Bearer realm=x,error=\"insufficient_scope\"");
        assertThat(c).extracting(Challenge::scheme).containsExactly("basic", "bearer");
        assertThat(c.get(0).param("realm")).isEqualTo("r, with comma");
        assertThat(c.get(1).param("realm")).isEqualTo("x");
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void get_tokenNearExpiry_droppedSoItIsRenewed() {
        MutableClock clock = new MutableClock();
        TokenCache cache = new TokenCache(clock);
        cache.put("r", "repository:a:pull", new TokenCache.Token("t", clock.now.plusSeconds(60)));
        assertThat(cache.get("r", "repository:a:pull")).isPresent();
        assertThat(cache.get("r", "repository:b:pull")).isEmpty();
        clock.now = clock.now.plus(Duration.ofSeconds(55));
        assertThat(cache.get("r", "repository:a:pull")).isEmpty();
    }

    @Test
    void load_authsEntries_passwordAndIdentityToken() throws IOException {
        Files.writeString(tmp.resolve("config.json"), "{\"auths\":{"
                + "\"https://index.docker.io/v1/\":{\"auth\":\"dXNlcjpwYTpzcw==\"},"
                + "\"ghcr.io\":{\"identitytoken\":\"refresh-me\"}},"
                + "\"credHelpers\":{\"123.dkr.ecr.us-east-1.amazonaws.com\":\"ecr-login\"},\"credsStore\":\"pass\"}");
        DockerConfig c = DockerConfig.load(null, Map.of("DOCKER_CONFIG", tmp.toString()));
        assertThat(c.inline("docker.io")).contains(Credential.password("user", "pa:ss"));
        assertThat(c.inline("ghcr.io")).contains(Credential.identityToken("refresh-me"));
        assertThat(c.inline("quay.io")).isEmpty();
        assertThat(c.helperFor("123.dkr.ecr.us-east-1.amazonaws.com")).contains("ecr-login");
        assertThat(c.credsStore()).isEqualTo("pass");
    }

    @Test
    void load_noFile_emptyAsForDocker() throws IOException {
        assertThat(DockerConfig.load(tmp.resolve("absent"), Map.of())).isEqualTo(DockerConfig.EMPTY);
    }

    @Test
    void toString_credential_neverShowsTheSecret() {
        assertThat(Credential.password("u", "hunter2").toString()).doesNotContain("hunter2");
        assertThat(Credential.identityToken("tok-123").toString()).doesNotContain("tok-123");
    }
}
