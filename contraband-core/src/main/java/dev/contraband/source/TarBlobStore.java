package dev.contraband.source;

import dev.contraband.image.ImageException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Files inside an uncompressed tar (a docker-archive or an oci-archive), read by random access. Symbolic links
 * inside the archive (docker-archive shares identical layers with {@code layer.tar} links) are resolved within the
 * archive, never on the host.
 */
final class TarBlobStore implements BlobStore {
    private static final int MAX_LINK_HOPS = 16;
    private final Path file;
    private final TarFile tar;
    private final Map<String, TarArchiveEntry> entries = new HashMap<>();

    TarBlobStore(Path file) throws IOException {
        this.file = file;
        if (!Files.isRegularFile(file)) {
            throw new ImageException(file + ": no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                throw new ImageException(file + ": archive is gzip-compressed; decompress it first (gunzip)");
            }
            if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5) {
                throw new ImageException(file + ": archive is zstd-compressed; decompress it first (unzstd)");
            }
        }
        try {
            this.tar = new TarFile(file);
        } catch (IOException | RuntimeException e) {
            throw new ImageException(file + ": not a readable tar archive (" + e.getMessage() + ")", e);
        }
        for (TarArchiveEntry e : tar.getEntries()) {
            entries.put(normalize(e.getName()), e);
        }
    }

    static String normalize(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        if (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return Path.of(n.isEmpty() ? "." : n).normalize().toString();
    }

    private TarArchiveEntry find(String path) throws ImageException {
        String name = normalize(path);
        for (int hops = 0; hops <= MAX_LINK_HOPS; hops++) {
            TarArchiveEntry e = entries.get(name);
            if (e == null) {
                return null;
            }
            if (e.isSymbolicLink()) {
                Path parent = Path.of(name).getParent();
                String target = e.getLinkName();
                name = normalize(target.startsWith("/") ? target
                        : (parent == null ? Path.of(target) : parent.resolve(target)).normalize().toString());
                if (name.startsWith("..")) {
                    throw new ImageException(file + ": " + path + " links outside the archive");
                }
            } else if (e.isLink()) {
                name = normalize(e.getLinkName());
            } else {
                return e;
            }
        }
        throw new ImageException(file + ": " + path + ": too many levels of links");
    }

    @Override
    public InputStream open(String path) throws IOException {
        TarArchiveEntry e = find(path);
        if (e == null || !e.isFile()) {
            throw new ImageException(path + ": missing from " + file);
        }
        return tar.getInputStream(e);
    }

    @Override
    public boolean exists(String path) {
        try {
            TarArchiveEntry e = find(path);
            return e != null && e.isFile();
        } catch (ImageException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
