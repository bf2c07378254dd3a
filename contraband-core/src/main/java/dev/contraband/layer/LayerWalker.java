package dev.contraband.layer;

import dev.contraband.detect.FileAnalysis;
import dev.contraband.detect.FileDetector;
import dev.contraband.detect.FileEntry;
import dev.contraband.detect.Finding;
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
 * Streams one layer blob exactly once: verifies its digest and diffId while reading, decompresses by magic, walks
 * the tar entries, and pushes each accepted file's content through the detectors chunk by chunk. Nothing is
 * written to disk and nothing in the layer is executed or followed.
 */
public final class LayerWalker {
    private static final int CHUNK = 64 << 10;
    private final List<FileDetector> detectors;
    private final ScanLimits limits;

    public LayerWalker(List<FileDetector> detectors, ScanLimits limits) {
        this.detectors = List.copyOf(detectors);
        this.limits = limits;
    }

    /**
     * Walks the layer read from {@code raw} (closed here).
     *
     * @param label how messages name this layer, e.g. "layer 2 sha256:ab12…"
     */
    public LayerReport walk(LayerDescriptor layer, InputStream raw, String label) throws IOException {
        try (raw) {
            DigestingInputStream stored = new DigestingInputStream(raw, layer.digest(), Long.MAX_VALUE, label, null);
            BufferedInputStream buffered = new BufferedInputStream(stored, CHUNK);
            Compression compression = Compression.detect(buffered, label);
            DigestingInputStream tarBytes;
            try {
                tarBytes = new DigestingInputStream(compression.decompress(buffered), layer.diffId(),
                        limits.maxLayerBytes(), label + " (uncompressed)",
                        label + ": more than " + limits.maxLayerBytes() + " bytes uncompressed"
                                + " (--max-layer-bytes); a decompression bomb or a very large layer");
            } catch (IOException e) {
                throw corrupt(label, compression, e);
            }
            Walk walk = new Walk(label);
            try {
                walk.run(new TarArchiveInputStream(new BufferedInputStream(tarBytes, CHUNK)));
                tarBytes.drain();
                stored.drain();
            } catch (ImageException e) {
                throw e;
            } catch (IOException | IllegalArgumentException e) {
                throw corrupt(label, compression, e);
            }
            if (layer.size() >= 0 && stored.count() != layer.size()) {
                throw new ImageException(label + ": blob is " + stored.count() + " bytes, the manifest says " + layer.size());
            }
            return new LayerReport(stored.actual(), tarBytes.actual(), compression, stored.count(), tarBytes.count(),
                    walk.entries, walk.findings, walk.paths, walk.whiteouts, walk.opaque);
        }
    }

    private static ImageException corrupt(String label, Compression compression, Exception e) {
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String what = e instanceof EOFException || cause.toLowerCase().contains("truncated") ? "truncated" : "corrupt";
        String format = compression == Compression.NONE ? "tar" : compression.name().toLowerCase() + " tar";
        return new ImageException(label + ": " + what + " " + format + " (" + cause + ")", e);
    }

    /** The state of one walk. */
    private final class Walk {
        final String label;
        final List<Finding> findings = new ArrayList<>();
        final Set<String> paths = new HashSet<>();
        final Set<String> whiteouts = new HashSet<>();
        final Set<String> opaque = new HashSet<>();
        final byte[] buffer = new byte[CHUNK];
        int entries;

        Walk(String label) {
            this.label = label;
        }

        void run(TarArchiveInputStream tar) throws IOException {
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
                analyze(tar, entry);
            }
        }

        private void analyze(TarArchiveInputStream tar, FileEntry entry) throws IOException {
            List<FileAnalysis> analyses = null;
            for (FileDetector d : detectors) {
                if (d.accepts(entry)) {
                    if (analyses == null) {
                        analyses = new ArrayList<>(2);
                    }
                    analyses.add(d.analyze(entry));
                }
            }
            if (analyses == null) {
                return;
            }
            if (entry.isRegularFile()) {
                boolean wanted = analyses.stream().anyMatch(FileAnalysis::wantsMore);
                int n;
                while (wanted && (n = tar.read(buffer, 0, buffer.length)) > 0) {
                    wanted = false;
                    for (FileAnalysis a : analyses) {
                        if (a.wantsMore()) {
                            a.update(buffer, 0, n);
                            wanted |= a.wantsMore();
                        }
                    }
                }
            }
            for (FileAnalysis a : analyses) {
                a.finish(findings::add);
            }
        }
    }

    private static FileEntry toEntry(TarArchiveEntry te, String path) {
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
