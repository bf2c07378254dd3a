package dev.contraband.detect.name;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowListTest {
    @Test
    void allows_hubNamespacePrefix_coversOnlyThatNamespace() throws Exception {
        AllowList a = AllowList.parse(List.of("myorg/*"), "f");
        assertThat(a.allows(ImageName.parse("myorg/ngnix"))).isTrue();
        assertThat(a.allows(ImageName.parse("myorg2/ngnix"))).isFalse();
    }

    @Test
    void allows_bareName_meansTheLibraryRepository() throws Exception {
        AllowList a = AllowList.parse(List.of("ngnix"), "f");
        assertThat(a.allows(ImageName.parse("docker.io/library/ngnix:1"))).isTrue();
    }

    @Test
    void allows_registryPrefix_coversTheWholeRegistry() throws Exception {
        AllowList a = AllowList.parse(List.of("mirror.example.com/*", "docker.io/*"), "f");
        assertThat(a.allows(ImageName.parse("mirror.example.com/a/b/c"))).isTrue();
        assertThat(a.allows(ImageName.parse("x/y"))).isTrue();
        assertThat(a.allows(ImageName.parse("ghcr.io/x/y"))).isFalse();
    }

    @Test
    void parse_badEntry_namesTheLine() {
        assertThatThrownBy(() -> AllowList.parse(List.of("ok", "Not/Ok"), "allow.txt")).hasMessageStartingWith("allow.txt:2:");
    }
}
