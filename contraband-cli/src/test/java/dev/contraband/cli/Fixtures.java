package dev.contraband.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contraband.image.Digest;
import dev.contraband.layer.Compression;
import dev.contraband.sample.ImageBuilder;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Hand-made images for tests of broken input: every descriptor field (digest, size, diff_id) can be set apart from
 * the bytes actually stored, so that exactly one thing about an image is wrong. Also runs {@link Main} in-process
 * with its standard streams captured.
 */
final class Fixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String GZIP_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
    static final String TAR_LAYER = "application/vnd.oci.image.layer.v1.tar";

    private Fixtures() {
    }

    /** What one run of the command line did. */
    record Run(int exitCode, String stdout, String stderr) {
        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

    /** Runs {@code contraband ARGS} in-process, capturing System.out and System.err. */
    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            code = Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * A layer as a manifest describes it ({@code digest}, {@code size}, {@code diffId}) and as it is stored
     * ({@code blob}; null when the blob is missing from the image).
     */
    record Layer(byte[] blob, Digest digest, long size, Digest diffId, String mediaType) {
        /** A correct layer: {@code tar} compressed with {@code compression}, described truthfully. */
        static Layer of(byte[] tar, Compression compression) {
            byte[] blob = ImageBuilder.compress(tar, compression);
            return new Layer(blob, Digest.sha256Of(blob), blob.length, Digest.sha256Of(tar),
                    compression == Compression.NONE ? TAR_LAYER : GZIP_LAYER);
        }

        /** The same description over other stored bytes. */
        Layer storing(byte[] other) {
            return new Layer(other, digest, size, diffId, mediaType);
        }

        /** Other stored bytes, with the digest and size rewritten to match them (the diffId is kept). */
        Layer restoringDescriptor(byte[] other) {
            return new Layer(other, Digest.sha256Of(other), other.length, diffId, mediaType);
        }

        Layer missing() {
            return new Layer(null, digest, size, diffId, mediaType);
        }
    }

    /** What {@link #ociLayout} wrote. */
    record Written(Path dir, Digest manifest, Digest config) {
        Path blob(Digest d) {
            return dir.resolve("blobs").resolve(d.algorithm()).resolve(d.hex());
        }
    }

    /** The config of a linux/amd64 image with these diff_ids. */
    static byte[] config(List<Digest> diffIds) {
        ObjectNode config = JSON.createObjectNode();
        config.put("architecture", "amd64");
        config.put("os", "linux");
        config.putObject("config");
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode ids = rootfs.putArray("diff_ids");
        diffIds.forEach(d -> ids.add(d.toString()));
        return bytes(config);
    }

    /** Writes an OCI layout of one image tagged {@code latest}, its config listing {@code diffIds}. */
    static Written ociLayout(Path dir, List<Layer> layers, List<Digest> diffIds) throws IOException {
        byte[] config = config(diffIds);
        Digest configDigest = Digest.sha256Of(config);
        for (Layer l : layers) {
            if (l.blob() != null) {
                writeBlob(dir, l.digest(), l.blob());
            }
        }
        writeBlob(dir, configDigest, config);
        byte[] manifest = ImageBuilder.manifest(configDigest, config.length, layers.stream()
                .map(l -> new ImageBuilder.Descriptor(l.mediaType(), l.digest(), l.size())).toList());
        Digest manifestDigest = ociLayoutWithManifest(dir, manifest);
        return new Written(dir, manifestDigest, configDigest);
    }

    static Written ociLayout(Path dir, List<Layer> layers) throws IOException {
        return ociLayout(dir, layers, layers.stream().map(Layer::diffId).toList());
    }

    /** Writes {@code manifest} (whatever its bytes) as the blob that index.json names {@code latest}. */
    static Digest ociLayoutWithManifest(Path dir, byte[] manifest) throws IOException {
        Digest digest = Digest.sha256Of(manifest);
        writeBlob(dir, digest, manifest);
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", "application/vnd.oci.image.index.v1+json");
        ObjectNode d = index.putArray("manifests").addObject();
        d.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        d.put("digest", digest.toString());
        d.put("size", manifest.length);
        d.putObject("annotations").put("org.opencontainers.image.ref.name", "latest");
        Files.write(dir.resolve("index.json"), bytes(index));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        return digest;
    }

    static void writeBlob(Path dir, Digest digest, byte[] content) throws IOException {
        Path p = dir.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
        Files.createDirectories(p.getParent());
        Files.write(p, content);
    }

    /** Writes a {@code docker save} archive of one image: {@code layers} as {@code <n>/layer.tar} files. */
    static void dockerArchive(Path file, List<byte[]> layers, List<Digest> diffIds) throws IOException {
        byte[] config = config(diffIds);
        Digest configDigest = Digest.sha256Of(config);
        ObjectNode entry = JSON.createObjectNode();
        entry.put("Config", configDigest.hex() + ".json");
        entry.putArray("RepoTags").add("test/broken:1");
        ArrayNode paths = entry.putArray("Layers");
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put(configDigest.hex() + ".json", config);
        for (int i = 0; i < layers.size(); i++) {
            String path = "layer" + i + "/layer.tar";
            paths.add(path);
            files.put(path, layers.get(i));
        }
        files.put("manifest.json", bytes(JSON.createArrayNode().add(entry)));
        writeTar(file, files);
    }

    /** Writes an uncompressed tar of {@code files}, in order. */
    static void writeTar(Path file, Map<String, byte[]> files) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    /** Rewrites the size field of the first tar header in {@code tar} (and its checksum) to {@code size}. */
    static byte[] withFirstEntrySize(byte[] tar, long size) {
        byte[] t = Arrays.copyOf(tar, tar.length);
        byte[] field = String.format("%011o\0", size).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(field, 0, t, 124, 12);
        Arrays.fill(t, 148, 156, (byte) ' ');
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += t[i] & 0xff;
        }
        byte[] checksum = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(checksum, 0, t, 148, 8);
        return t;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] bytes(Object node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
