package dev.contraband.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contraband.image.Digest;
import dev.contraband.image.Image;
import dev.contraband.source.ImageSource;
import dev.contraband.source.PlatformSelection;
import dev.contraband.source.Sources;
import dev.contraband.source.Target;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Packs a folder as an OCI layout of one gzip layer, streaming (the tar is the one {@code dir:} scans make, gzipped
 * at the fastest level), so a big real tree can be scanned the way most images arrive: a gzip layer from a layout.
 * The launcher's ahead-of-time cache training uses it on the JDK's own folder.
 */
public final class FolderLayout {
    private FolderLayout() {
    }

    /** Writes {@code folder} as the image {@code ref} of a new OCI layout at {@code layout}. */
    public static void write(Path folder, Path layout, String ref) throws IOException {
        Path blobs = Files.createDirectories(layout.resolve("blobs/sha256"));
        Path tmp = blobs.resolve("layer.tmp");
        MessageDigest tarSha = Digest.newSha256();
        MessageDigest gzipSha = Digest.newSha256();
        try (ImageSource source = Sources.open(Target.parse("dir:" + folder))) {
            Image image = source.images(PlatformSelection.DEFAULT).getFirst();
            try (InputStream tar = image.opener().open(image.layers().getFirst());
                 OutputStream file = new DigestOutputStream(Files.newOutputStream(tmp), gzipSha);
                 OutputStream gzip = new DigestOutputStream(new FastGzip(file), tarSha)) {
                tar.transferTo(gzip);
            }
        }
        long layerSize = Files.size(tmp);
        Digest layer = Digest.sha256(gzipSha.digest());
        Digest diffId = Digest.sha256(tarSha.digest());
        Files.move(tmp, blobs.resolve(layer.hex()), StandardCopyOption.REPLACE_EXISTING);

        ObjectNode config = ImageBuilder.JSON.createObjectNode();
        config.put("architecture", "amd64");
        config.put("os", "linux");
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.putArray("diff_ids").add(diffId.toString());
        byte[] configBytes = ImageBuilder.bytes(config);
        Digest configDigest = Digest.sha256Of(configBytes);
        Files.write(blobs.resolve(configDigest.hex()), configBytes);
        byte[] manifest = ImageBuilder.manifest(configDigest, configBytes.length, List.of(new ImageBuilder.Descriptor(
                "application/vnd.oci.image.layer.v1.tar+gzip", layer, layerSize)));
        Digest manifestDigest = Digest.sha256Of(manifest);
        Files.write(blobs.resolve(manifestDigest.hex()), manifest);

        ObjectNode index = ImageBuilder.JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", "application/vnd.oci.image.index.v1+json");
        ObjectNode d = index.putArray("manifests").addObject();
        d.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        d.put("digest", manifestDigest.toString());
        d.put("size", manifest.length);
        d.putObject("annotations").put("org.opencontainers.image.ref.name", ref);
        Files.write(layout.resolve("index.json"), ImageBuilder.bytes(index));
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    }

    /** gzip at level 1: the training wants a real gzip layer, not a small one. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 64 << 10);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
