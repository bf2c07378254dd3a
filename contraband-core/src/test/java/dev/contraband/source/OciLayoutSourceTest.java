package dev.contraband.source;

import dev.contraband.image.Image;
import dev.contraband.image.ImageException;
import dev.contraband.image.Platform;
import dev.contraband.layer.Compression;
import dev.contraband.sample.ImageBuilder;
import dev.contraband.sample.ImageWriter;
import dev.contraband.sample.LayerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OciLayoutSourceTest {
    @TempDir
    Path tmp;

    static ImageBuilder.Built image(Platform platform, String marker) {
        return ImageBuilder.create().platform(platform)
                .layer(LayerBuilder.create().file("/etc/marker", marker), Compression.GZIP, "ADD marker")
                .layer(LayerBuilder.create().file("/app/run", "x"), Compression.NONE, "COPY run")
                .entrypoint("/app/run").env("A=1").workingDir("/app").user("app").label("k", "v")
                .build();
    }

    private List<Image> open(String target, PlatformSelection selection) throws IOException {
        try (ImageSource s = Sources.open(Target.parse(target))) {
            return s.images(selection);
        }
    }

    @Test
    void images_singleImage_readsConfigAndMapsHistoryOntoLayers() throws IOException {
        ImageWriter.ociLayout(tmp, "v1", image(Platform.LINUX_AMD64, "a"));
        Image img = open("oci:" + tmp + ":v1", PlatformSelection.DEFAULT).getFirst();
        assertThat(img.name()).isEqualTo("v1");
        assertThat(img.layers()).hasSize(2);
        assertThat(img.layers().get(0).createdBy()).isEqualTo("ADD marker");
        assertThat(img.layers().get(1).createdBy()).isEqualTo("COPY run");
        assertThat(img.config().entrypoint()).containsExactly("/app/run");
        assertThat(img.config().env()).containsExactly("A=1");
        assertThat(img.config().user()).isEqualTo("app");
        assertThat(img.config().workingDir()).isEqualTo("/app");
        assertThat(img.config().labels()).containsEntry("k", "v");
    }

    @Test
    void images_unknownRef_namesTheRefsThatExist() throws IOException {
        ImageWriter.ociLayout(tmp, "v1", image(Platform.LINUX_AMD64, "a"));
        assertThatThrownBy(() -> open("oci:" + tmp + ":v9", PlatformSelection.DEFAULT))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("no image named \"v9\"").hasMessageContaining("v1");
    }

    @Test
    void images_multiPlatformNestedIndex_picksRequestedPlatform() throws IOException {
        ImageWriter.ociLayoutMultiPlatform(tmp, "multi", List.of(
                image(Platform.LINUX_AMD64, "amd"), image(Platform.parse("linux/arm64/v8"), "arm")));
        assertThat(open("oci:" + tmp + ":multi", PlatformSelection.DEFAULT).getFirst().platform())
                .isEqualTo(Platform.LINUX_AMD64);
        assertThat(open("oci:" + tmp, PlatformSelection.of(Platform.parse("linux/arm64"))).getFirst().platform())
                .isEqualTo(Platform.parse("linux/arm64/v8"));
        assertThat(open("oci:" + tmp, PlatformSelection.allPlatforms())).hasSize(2);
    }

    @Test
    void images_noMatchingPlatform_listsAvailablePlatforms() throws IOException {
        ImageWriter.ociLayoutMultiPlatform(tmp, "multi", List.of(image(Platform.parse("linux/arm64"), "arm")));
        assertThatThrownBy(() -> open("oci:" + tmp, PlatformSelection.of(Platform.parse("linux/s390x"))))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("no image for platform linux/s390x").hasMessageContaining("linux/arm64");
    }

    @Test
    void images_tamperedConfig_isDigestMismatch() throws IOException {
        ImageBuilder.Built built = image(Platform.LINUX_AMD64, "a");
        ImageWriter.ociLayout(tmp, "v1", built);
        Path config = tmp.resolve("blobs/sha256/" + built.configDigest().hex());
        Files.writeString(config, Files.readString(config).replace("amd64", "arm64"));
        assertThatThrownBy(() -> open("oci:" + tmp, PlatformSelection.DEFAULT))
                .isInstanceOf(ImageException.class).hasMessageContaining("digest mismatch")
                .hasMessageContaining(built.configDigest().toString());
    }

    @Test
    void images_missingManifestBlob_namesTheBlob() throws IOException {
        ImageBuilder.Built built = image(Platform.LINUX_AMD64, "a");
        ImageWriter.ociLayout(tmp, "v1", built);
        Files.delete(tmp.resolve("blobs/sha256/" + built.manifestDigest().hex()));
        assertThatThrownBy(() -> open("oci:" + tmp, PlatformSelection.DEFAULT))
                .isInstanceOf(ImageException.class).hasMessageContaining("blob missing")
                .hasMessageContaining(built.manifestDigest().toString());
    }

    @Test
    void images_garbageIndex_saysInvalidJson() throws IOException {
        ImageWriter.ociLayout(tmp, "v1", image(Platform.LINUX_AMD64, "a"));
        Files.writeString(tmp.resolve("index.json"), "{not json", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> open("oci:" + tmp, PlatformSelection.DEFAULT))
                .isInstanceOf(ImageException.class).hasMessageContaining("index.json").hasMessageContaining("invalid JSON");
    }

    @Test
    void images_notALayout_saysSo() {
        assertThatThrownBy(() -> open("oci:" + tmp, PlatformSelection.DEFAULT))
                .isInstanceOf(ImageException.class).hasMessageContaining("not an OCI image layout");
    }

    @Test
    void images_ociArchive_readsLayoutInsideTar() throws IOException {
        Path file = tmp.resolve("img.tar");
        ImageWriter.ociArchive(file, "v1", image(Platform.LINUX_AMD64, "a"));
        Image img = open("oci-archive:" + file + ":v1", PlatformSelection.DEFAULT).getFirst();
        assertThat(img.layers()).hasSize(2);
    }
}
