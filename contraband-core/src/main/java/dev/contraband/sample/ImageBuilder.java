package dev.contraband.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.Zstd;
import dev.contraband.image.Digest;
import dev.contraband.image.Platform;
import dev.contraband.layer.Compression;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Assembles an image in memory (layers, config, manifest) for the demo and for tests; {@link ImageWriter} writes it
 * as an OCI layout, an oci-archive or a docker-archive.
 */
public final class ImageBuilder {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A built layer: the stored blob and the uncompressed tar's digest. */
    public record Layer(byte[] blob, Digest digest, Digest diffId, String mediaType, String createdBy) {
    }

    /** A layer as a manifest describes it; tests may describe a layer untruthfully on purpose. */
    public record Descriptor(String mediaType, Digest digest, long size) {
    }

    /** The bytes of an OCI image manifest naming this config and these layers. */
    public static byte[] manifest(Digest configDigest, long configSize, List<Descriptor> layers) {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        ObjectNode cd = manifest.putObject("config");
        cd.put("mediaType", "application/vnd.oci.image.config.v1+json");
        cd.put("digest", configDigest.toString());
        cd.put("size", configSize);
        ArrayNode ls = manifest.putArray("layers");
        for (Descriptor l : layers) {
            ObjectNode d = ls.addObject();
            d.put("mediaType", l.mediaType());
            d.put("digest", l.digest().toString());
            d.put("size", l.size());
        }
        return bytes(manifest);
    }

    /** A built image: its layers, config and manifest bytes. */
    public record Built(List<Layer> layers, byte[] config, Digest configDigest, byte[] manifest,
                        Digest manifestDigest, Platform platform) {
    }

    private final List<Layer> layers = new ArrayList<>();
    private final List<String> history = new ArrayList<>();
    private List<String> entrypoint = List.of();
    private List<String> cmd = List.of();
    private final List<String> env = new ArrayList<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private String workingDir;
    private String user;
    private Platform platform = Platform.LINUX_AMD64;

    public static ImageBuilder create() {
        return new ImageBuilder();
    }

    public ImageBuilder layer(LayerBuilder layer, Compression compression, String createdBy) {
        byte[] tar = layer.tar();
        byte[] blob = compress(tar, compression);
        String mediaType = switch (compression) {
            case NONE -> "application/vnd.oci.image.layer.v1.tar";
            case GZIP -> "application/vnd.oci.image.layer.v1.tar+gzip";
            case ZSTD -> "application/vnd.oci.image.layer.v1.tar+zstd";
        };
        layers.add(new Layer(blob, Digest.sha256Of(blob), Digest.sha256Of(tar), mediaType, createdBy));
        history.add(createdBy);
        return this;
    }

    public ImageBuilder layer(LayerBuilder layer) {
        return layer(layer, Compression.GZIP, "/bin/sh -c #(nop) COPY dir:" + layers.size() + " in / ");
    }

    public ImageBuilder entrypoint(String... argv) {
        this.entrypoint = List.of(argv);
        return this;
    }

    public ImageBuilder cmd(String... argv) {
        this.cmd = List.of(argv);
        return this;
    }

    public ImageBuilder env(String assignment) {
        env.add(assignment);
        return this;
    }

    public ImageBuilder label(String key, String value) {
        labels.put(key, value);
        return this;
    }

    public ImageBuilder workingDir(String dir) {
        this.workingDir = dir;
        return this;
    }

    public ImageBuilder user(String user) {
        this.user = user;
        return this;
    }

    public ImageBuilder platform(Platform platform) {
        this.platform = platform;
        return this;
    }

    public static byte[] compress(byte[] tar, Compression compression) {
        return switch (compression) {
            case NONE -> tar;
            case GZIP -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(tar);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                yield out.toByteArray();
            }
            case ZSTD -> Zstd.compress(tar, 3);
        };
    }

    public Built build() {
        ObjectNode config = JSON.createObjectNode();
        config.put("architecture", platform.architecture());
        config.put("os", platform.os());
        if (platform.variant() != null) {
            config.put("variant", platform.variant());
        }
        config.put("created", "2026-01-01T00:00:00Z");
        ObjectNode c = config.putObject("config");
        if (!entrypoint.isEmpty()) {
            entrypoint.forEach(c.putArray("Entrypoint")::add);
        }
        if (!cmd.isEmpty()) {
            cmd.forEach(c.putArray("Cmd")::add);
        }
        if (!env.isEmpty()) {
            env.forEach(c.putArray("Env")::add);
        }
        if (!labels.isEmpty()) {
            ObjectNode l = c.putObject("Labels");
            labels.forEach(l::put);
        }
        if (workingDir != null) {
            c.put("WorkingDir", workingDir);
        }
        if (user != null) {
            c.put("User", user);
        }
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode diffIds = rootfs.putArray("diff_ids");
        layers.forEach(l -> diffIds.add(l.diffId().toString()));
        ArrayNode h = config.putArray("history");
        for (String step : history) {
            ObjectNode e = h.addObject();
            e.put("created", "2026-01-01T00:00:00Z");
            e.put("created_by", step);
        }
        byte[] configBytes = bytes(config);
        Digest configDigest = Digest.sha256Of(configBytes);

        byte[] manifestBytes = manifest(configDigest, configBytes.length,
                layers.stream().map(l -> new Descriptor(l.mediaType(), l.digest(), l.blob().length)).toList());
        return new Built(List.copyOf(layers), configBytes, configDigest, manifestBytes,
                Digest.sha256Of(manifestBytes), platform);
    }

    static byte[] bytes(Object node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
