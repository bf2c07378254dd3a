package dev.contraband.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contraband.image.Digest;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes built images in the formats contraband reads: OCI layout, oci-archive and docker-archive. */
public final class ImageWriter {
    private ImageWriter() {
    }

    /** Writes an OCI layout whose index names {@code image} as {@code ref}. */
    public static void ociLayout(Path dir, String ref, ImageBuilder.Built image) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        ObjectNode index = index();
        addImage(files, index.withArray("manifests"), image, ref, false);
        files.put("index.json", ImageBuilder.bytes(index));
        writeDir(dir, files);
    }

    /**
     * Writes an OCI layout with one multi-platform index named {@code ref}, nested under the top-level index as
     * {@code docker buildx} and {@code skopeo --all} lay them out.
     */
    public static void ociLayoutMultiPlatform(Path dir, String ref, List<ImageBuilder.Built> images) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        ObjectNode nested = index();
        for (ImageBuilder.Built image : images) {
            addImage(files, nested.withArray("manifests"), image, null, true);
        }
        byte[] nestedBytes = ImageBuilder.bytes(nested);
        Digest nestedDigest = Digest.sha256Of(nestedBytes);
        files.put(blob(nestedDigest), nestedBytes);
        ObjectNode top = index();
        ObjectNode d = top.withArray("manifests").addObject();
        d.put("mediaType", "application/vnd.oci.image.index.v1+json");
        d.put("digest", nestedDigest.toString());
        d.put("size", nestedBytes.length);
        d.putObject("annotations").put("org.opencontainers.image.ref.name", ref);
        files.put("index.json", ImageBuilder.bytes(top));
        writeDir(dir, files);
    }

    public static void ociArchive(Path file, String ref, ImageBuilder.Built image) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        ObjectNode index = index();
        addImage(files, index.withArray("manifests"), image, ref, false);
        files.put("index.json", ImageBuilder.bytes(index));
        files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        writeTar(file, files, Map.of());
    }

    /**
     * Writes a {@code docker save} archive. {@code legacy} writes {@code <id>/layer.tar} folders (identical layers
     * become links to the first, as Docker does); otherwise the Docker 25 {@code blobs/sha256} form.
     */
    public static void dockerArchive(Path file, String repoTag, ImageBuilder.Built image, boolean legacy) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        Map<String, String> links = new HashMap<>();
        ObjectNode entry = ImageBuilder.JSON.createObjectNode();
        String configName = legacy ? image.configDigest().hex() + ".json" : blob(image.configDigest());
        files.put(configName, image.config());
        entry.put("Config", configName);
        entry.putArray("RepoTags").add(repoTag);
        ArrayNode layers = entry.putArray("Layers");
        Map<Digest, String> firstPath = new HashMap<>();
        int i = 0;
        for (ImageBuilder.Layer l : image.layers()) {
            String path;
            if (legacy) {
                String id = Digest.sha256Of((image.configDigest() + "/" + i).getBytes(StandardCharsets.UTF_8)).hex();
                path = id + "/layer.tar";
                files.put(id + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8));
                files.put(id + "/json", ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
                String earlier = firstPath.get(l.digest());
                if (earlier != null) {
                    links.put(path, "../" + earlier);
                } else {
                    files.put(path, l.blob());
                    firstPath.put(l.digest(), path);
                }
            } else {
                path = blob(l.digest());
                files.put(path, l.blob());
            }
            layers.add(path);
            i++;
        }
        ArrayNode manifest = ImageBuilder.JSON.createArrayNode();
        manifest.add(entry);
        files.put("manifest.json", ImageBuilder.bytes(manifest));
        writeTar(file, files, links);
    }

    private static ObjectNode index() {
        ObjectNode index = ImageBuilder.JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", "application/vnd.oci.image.index.v1+json");
        index.putArray("manifests");
        return index;
    }

    private static void addImage(Map<String, byte[]> files, ArrayNode manifests, ImageBuilder.Built image, String ref,
                                 boolean withPlatform) {
        for (ImageBuilder.Layer l : image.layers()) {
            files.put(blob(l.digest()), l.blob());
        }
        files.put(blob(image.configDigest()), image.config());
        files.put(blob(image.manifestDigest()), image.manifest());
        ObjectNode d = manifests.addObject();
        d.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        d.put("digest", image.manifestDigest().toString());
        d.put("size", image.manifest().length);
        if (withPlatform) {
            ObjectNode p = d.putObject("platform");
            p.put("os", image.platform().os());
            p.put("architecture", image.platform().architecture());
            if (image.platform().variant() != null) {
                p.put("variant", image.platform().variant());
            }
        }
        if (ref != null) {
            d.putObject("annotations").put("org.opencontainers.image.ref.name", ref);
        }
    }

    static String blob(Digest d) {
        return "blobs/" + d.algorithm() + "/" + d.hex();
    }

    private static void writeDir(Path dir, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
    }

    private static void writeTar(Path file, Map<String, byte[]> files, Map<String, String> links) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String name : files.keySet().stream().sorted().toList()) {
                byte[] content = files.get(name);
                TarArchiveEntry e = new TarArchiveEntry(name);
                e.setSize(content.length);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
            }
            for (Map.Entry<String, String> l : links.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(l.getKey(), TarConstants.LF_SYMLINK);
                e.setLinkName(l.getValue());
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }
}
