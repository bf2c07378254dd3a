package dev.contraband.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetTest {
    @TempDir
    Path tmp;

    @Test
    void parse_ociWithRef_splitsAtColonAfterExistingPath() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("layout"));
        Target t = Target.parse("oci:" + dir + ":v1.2");
        assertThat(t).isEqualTo(new Target.OciLayout("oci:" + dir + ":v1.2", dir, "v1.2"));
    }

    @Test
    void parse_pathContainingColon_keepsWholePathWhenItExists() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("a:b"));
        Target t = Target.parse("oci:" + dir);
        assertThat(((Target.OciLayout) t).path()).isEqualTo(dir);
        assertThat(((Target.OciLayout) t).ref()).isNull();
    }

    @Test
    void parse_dockerArchiveWithTag_keepsTagWithColon() throws IOException {
        Path file = Files.createFile(tmp.resolve("img.tar"));
        Target t = Target.parse("docker-archive:" + file + ":team/app:1.0");
        assertThat(t).isEqualTo(new Target.DockerArchive("docker-archive:" + file + ":team/app:1.0", file, "team/app:1.0"));
    }

    @Test
    void parse_missingPath_namesTheTarget() {
        assertThatThrownBy(() -> Target.parse("dir:")).hasMessageContaining("missing path");
    }

    @Test
    void parse_plainName_isRegistryReference() {
        assertThat(Target.parse("nginx:1.27")).isInstanceOf(Target.Registry.class);
        assertThat(Target.parse("registry:127.0.0.1:5000/a/b")).isEqualTo(new Target.Registry("registry:127.0.0.1:5000/a/b", "127.0.0.1:5000/a/b"));
    }
}
