package dev.contraband.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cases from Docker's distribution/reference normalisation. */
class ReferenceTest {
    static final String HEX = "a".repeat(64);

    @ParameterizedTest
    @CsvSource({
            "nginx, docker.io/library/nginx:latest",
            "nginx:1.27, docker.io/library/nginx:1.27",
            "library/nginx, docker.io/library/nginx:latest",
            "bitnami/redis:7, docker.io/bitnami/redis:7",
            "docker.io/nginx, docker.io/library/nginx:latest",
            "index.docker.io/nginx, docker.io/library/nginx:latest",
            "localhost/app, localhost/app:latest",
            "localhost:5000/team/app:v1, localhost:5000/team/app:v1",
            "127.0.0.1:5000/a/b/c, 127.0.0.1:5000/a/b/c:latest",
            "registry.example.com/team/app, registry.example.com/team/app:latest",
            "ghcr.io/o/r:1.0-rc_1, ghcr.io/o/r:1.0-rc_1",
            "foo_bar/a__b/c-d--e.f, docker.io/foo_bar/a__b/c-d--e.f:latest",
            "[::1]:5000/app, [::1]:5000/app:latest",
    })
    void parse_valid_normalisedAsDocker(String text, String expected) {
        assertThat(Reference.parse(text).toString()).isEqualTo(expected);
    }

    @Test
    void parse_digest_keptAndPreferredForPull() {
        Reference r = Reference.parse("127.0.0.1:5000/team/app:v1@sha256:" + HEX);
        assertThat(r.registry()).isEqualTo("127.0.0.1:5000");
        assertThat(r.repository()).isEqualTo("team/app");
        assertThat(r.tag()).isEqualTo("v1");
        assertThat(r.manifestReference()).isEqualTo("sha256:" + HEX);
        assertThat(Reference.parse("nginx@sha256:" + HEX).tag()).isNull();
    }

    @Test
    void apiHost_dockerHub_servedAtRegistry1() {
        assertThat(Reference.parse("nginx").apiHost()).isEqualTo("registry-1.docker.io");
        assertThat(Reference.parse("quay.io/a/b").apiHost()).isEqualTo("quay.io");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Nginx|must be lowercase",
            "docker.io/Team/app|must be lowercase",
            "nginx:-bad|tag \"-bad\"",
            "nginx:|tag \"\"",
            "nginx@sha256:abc|digest \"sha256:abc\"",
            "nginx@md5:" + "0123456789abcdef0123456789abcdef|not a sha256 or sha512",
            "a//b|empty path component",
            "team/-app|path component \"-app\"",
            "my_host:5000/app|registry \"my_host:5000\"",
            ":tag|repository name is missing",
    })
    void parse_invalid_saysWhichPart(String text, String part) {
        assertThatThrownBy(() -> Reference.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid reference \"" + text + "\"").hasMessageContaining(part);
    }

    @Test
    void parse_imageIdAsName_refused() {
        assertThatThrownBy(() -> Reference.parse(HEX)).hasMessageContaining("image id");
    }
}
