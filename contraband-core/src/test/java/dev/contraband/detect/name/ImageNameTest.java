package dev.contraband.detect.name;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageNameTest {
    @Test
    void parse_oneComponent_isDockerHubLibrary() {
        ImageName n = ImageName.parse("nginx");
        assertThat(n.canonical()).isEqualTo("docker.io/library/nginx");
        assertThat(n.tag()).isNull();
    }

    @Test
    void parse_namespaceTagAndDigest_splitsEveryPart() {
        ImageName n = ImageName.parse("bob/app:1.0@sha256:" + "a".repeat(64));
        assertThat(n.namespace()).isEqualTo("bob");
        assertThat(n.repository()).isEqualTo("app");
        assertThat(n.tag()).isEqualTo("1.0");
        assertThat(n.digest()).isEqualTo("sha256:" + "a".repeat(64));
    }

    @Test
    void parse_registryWithPort_isNotATag() {
        ImageName n = ImageName.parse("127.0.0.1:5000/team/app");
        assertThat(n.registry()).isEqualTo("127.0.0.1:5000");
        assertThat(n.namespace()).isEqualTo("team");
        assertThat(n.tag()).isNull();
    }

    @Test
    void parse_otherRegistryOnePart_hasNoNamespace() {
        ImageName n = ImageName.parse("localhost/app");
        assertThat(n.registry()).isEqualTo("localhost");
        assertThat(n.namespace()).isEmpty();
    }

    @Test
    void parse_hubAliases_foldIntoDockerIo() {
        assertThat(ImageName.parse("index.docker.io/library/nginx").canonical()).isEqualTo("docker.io/library/nginx");
        assertThat(ImageName.parse("docker.io/nginx").canonical()).isEqualTo("docker.io/library/nginx");
    }

    @Test
    void parse_nestedPath_keepsItAsNamespace() {
        assertThat(ImageName.parse("public.ecr.aws/docker/library/nginx").namespace()).isEqualTo("docker/library");
    }

    @Test
    void parse_upperCase_isRefusedWithAReason() {
        assertThatThrownBy(() -> ImageName.parse("Nginx")).hasMessageContaining("lower-case");
    }

    @Test
    void parse_badCharactersOrEmptyParts_areRefused() {
        assertThatThrownBy(() -> ImageName.parse("a//b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageName.parse("-nginx")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageName.parse("nginx:")).hasMessageContaining("tag");
        assertThatThrownBy(() -> ImageName.parse("nginx@sha256:xyz")).hasMessageContaining("digest");
        assertThatThrownBy(() -> ImageName.parse(" ")).hasMessageContaining("empty");
    }
}
