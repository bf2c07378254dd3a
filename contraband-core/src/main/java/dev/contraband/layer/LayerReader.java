package dev.contraband.layer;

import dev.contraband.detect.FileDetector;
import dev.contraband.detect.FileEntry;
import dev.contraband.image.Digest;
import dev.contraband.image.ImageException;
import dev.contraband.image.LayerDescriptor;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reading half of a layer walk, run on its own thread: verifies the blob's digest and diffId while reading,
 * decompresses by magic, parses the tar, and hands entries and the content of accepted files to the walker as
 * {@link LayerEvents}. Decompressing and hashing on one core while detectors run on the other is what keeps a scan
 * near the cost of {@code zcat | sha256sum}.
 */
final class LayerReader {
    private static final int CHUNK = 64 << 10;
    private final List<FileDetector> detectors;
    private final ScanLimits limits;

    LayerReader(List<FileDetector> detectors, ScanLimits limits) {
        this.detectors = detectors;
        this.limits = limits;
    }

    /** Reads the whole layer into {@code out}; ends with {@link LayerEvents.Done} or {@link LayerEvents.Failed}. */
    void read(LayerDescriptor layer, InputStream raw, String label, LayerEvents out) {
        try (raw) {
            out.put(run(layer, raw, label, out));
        } catch (LayerEvents.Cancelled e) {
            // the walker gave up; nobody is listening
        } catch (IOException e) {
            fail(out, e);
        } catch (RuntimeException e) {
            fail(out, new IOException(label + ": " + e, e));
        }
    }

    /** Tells every lane; the first to hear it stops the walk, so the others may no longer be listening. */
    private static void fail(LayerEvents out, IOException e) {
        try {
            out.put(new LayerEvents.Failed(e));
        } catch (LayerEvents.Cancelled ignored) {
            // the walker already stopped, on this very failure
        }
    }

    private LayerEvents.Done run(LayerDescriptor layer, InputStream raw, String label, LayerEvents out) throws IOException {
        DigestingInputStream stored = new DigestingInputStream(raw, layer.digest(), Long.MAX_VALUE, label, null);
        BufferedInputStream buffered = new BufferedInputStream(stored, CHUNK);
        Compression compression = Compression.detect(buffered, label);
        DigestingInputStream tarBytes;
        try {
            tarBytes = new DigestingInputStream(compression.decompress(buffered), layer.diffId(),
                    limits.maxLayerBytes(), label + " (uncompressed)",
                    label + ": more than " + limits.maxLayerBytes() + " bytes uncompressed"
                            + " (--max-layer-bytes); a decompression bomb or a very large layer",
                    compression != Compression.NONE);
        } catch (IOException e) {
            throw corrupt(label, compression, e);
        }
        Set<String> paths = new HashSet<>();
        Set<String> whiteouts = new HashSet<>();
        Set<String> opaque = new HashSet<>();
        int entries = 0;
        try {
            TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(tarBytes, CHUNK));
            TarArchiveEntry te;
            while ((te = tar.getNextEntry()) != null) {
                String path = normalize(te.getName());
                if (path.equals("/")) {
                    continue;
                }
                int slash = path.lastIndexOf('/');
                String name = path.substring(slash + 1);
                String parent = slash == 0 ? "" : path.substring(0, slash);
                if (name.startsWith(".wh.")) {
                    if (name.equals(".wh..wh..opq")) {
                        opaque.add(parent.isEmpty() ? "/" : parent);
                    } else {
                        whiteouts.add(parent + "/" + name.substring(4));
                    }
                    continue;
                }
                entries++;
                FileEntry entry = toEntry(te, path);
                paths.add(path);
                if (entry.isRegularFile() && entry.size() > limits.maxFileBytes()) {
                    throw new LimitExceededException(label + ": " + path + " is " + entry.size()
                            + " bytes, over the " + limits.maxFileBytes() + "-byte limit (--max-file-size)");
                }
                emit(tar, entry, out);
            }
            tarBytes.drain();
            stored.drain();
        } catch (ImageException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw mismatchOrCorrupt(stored, label, compression, e);
        }
        if (layer.size() >= 0 && stored.count() != layer.size()) {
            throw new ImageException(label + ": blob is " + stored.count() + " bytes, the manifest says " + layer.size());
        }
        // Uncompressed: the tar is the blob, hashed once; its digest must also be the diffId.
        Digest diffId = compression == Compression.NONE ? stored.actual() : tarBytes.actual();
        if (compression == Compression.NONE && layer.diffId() != null && !layer.diffId().equals(diffId)) {
            throw new DigestMismatchException(label + " (uncompressed): digest mismatch: expected " + layer.diffId()
                    + ", content hashes to " + diffId);
        }
        return new LayerEvents.Done(stored.actual(), diffId, compression, stored.count(), tarBytes.count(),
                entries, paths, whiteouts, opaque);
    }

    /** Sends an entry with the detectors that accept it and, for a regular file, its content. */
    private void emit(TarArchiveInputStream tar, FileEntry entry, LayerEvents out) throws IOException {
        List<FileDetector> accepting = null;
        for (FileDetector d : detectors) {
            if (d.accepts(entry)) {
                if (accepting == null) {
                    accepting = new ArrayList<>(detectors.size());
                }
                accepting.add(d);
            }
        }
        if (accepting == null) {
            if (limits.maxArchiveDepth() == 0 || !NestedArchives.isArchive(entry)) {
                return;
            }
            accepting = List.of();
        }
        out.put(new LayerEvents.Entry(entry, accepting));
        if (entry.isRegularFile()) {
            while (!out.entrySatisfied()) {
                byte[] buffer = out.buffer();
                int n = tar.readNBytes(buffer, 0, buffer.length);
                if (n <= 0) {
                    out.recycle(buffer);
                    break;
                }
                out.put(new LayerEvents.Chunk(buffer, n));
            }
        }
        out.put(LayerEvents.END_ENTRY);
    }

    /**
     * A tampered gzip blob usually trips gzip's own CRC before the end of the blob, where the digest is checked:
     * read the rest, so that the user is told the more useful cause, a digest mismatch, when it is one.
     */
    private static ImageException mismatchOrCorrupt(DigestingInputStream stored, String label, Compression compression,
                                                    Exception e) {
        if (compression != Compression.NONE) {
            try {
                stored.drain();
            } catch (DigestMismatchException mismatch) {
                return mismatch;
            } catch (IOException | RuntimeException ignored) {
                // the blob cannot be read to its end either: the decompression error says enough
            }
        }
        return corrupt(label, compression, e);
    }

    private static ImageException corrupt(String label, Compression compression, Exception e) {
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String what = e instanceof EOFException || cause.toLowerCase().contains("truncated") ? "truncated" : "corrupt";
        String format = compression == Compression.NONE ? "tar" : compression.name().toLowerCase() + " tar";
        return new ImageException(label + ": " + what + " " + format + " (" + cause + ")", e);
    }

    static FileEntry toEntry(TarArchiveEntry te, String path) {
        FileEntry.Type type;
        if (te.isSymbolicLink()) {
            type = FileEntry.Type.SYMLINK;
        } else if (te.isLink()) {
            type = FileEntry.Type.HARDLINK;
        } else if (te.isDirectory()) {
            type = FileEntry.Type.DIRECTORY;
        } else if (te.isCharacterDevice()) {
            type = FileEntry.Type.CHAR_DEVICE;
        } else if (te.isBlockDevice()) {
            type = FileEntry.Type.BLOCK_DEVICE;
        } else if (te.isFIFO()) {
            type = FileEntry.Type.FIFO;
        } else if (te.isFile()) {
            type = FileEntry.Type.FILE;
        } else {
            type = FileEntry.Type.OTHER;
        }
        String link = te.isSymbolicLink() || te.isLink() ? te.getLinkName() : null;
        if (te.isLink() && link != null) {
            link = normalize(link);
        }
        return new FileEntry(path, type, te.getMode() & 07777, te.getLongUserId(), te.getLongGroupId(),
                type == FileEntry.Type.FILE ? te.getSize() : 0, link);
    }

    /** {@code ./usr//bin/} becomes {@code /usr/bin}; {@code ..} cannot climb above the root. */
    static String normalize(String name) {
        String[] parts = name.split("/");
        List<String> out = new ArrayList<>(parts.length);
        for (String p : parts) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!out.isEmpty()) {
                    out.removeLast();
                }
                continue;
            }
            out.add(p);
        }
        return "/" + String.join("/", out);
    }
}
