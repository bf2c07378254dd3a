package dev.contraband.layer;

import dev.contraband.detect.Category;
import dev.contraband.detect.FileAnalysis;
import dev.contraband.detect.FileDetector;
import dev.contraband.detect.FileEntry;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;
import dev.contraband.detect.Severity;
import dev.contraband.io.ChunkPipe;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Archives inside a layer (zip, jar, war, whl, tar, tar.gz, tgz…) opened while their bytes stream past, to a
 * nesting depth, and their files given to the same detectors under the name {@code /app/lib.jar!/config.properties}.
 * The archive's bytes are piped, in a bounded queue, to a reader on a virtual thread; nothing is extracted to
 * disk. An archive that cannot be read, or that passes the limits, is reported as an info finding, not a failure.
 */
final class NestedArchives {
    static final Rule UNREADABLE = new Rule("archive.unreadable", Category.OTHER, Severity.INFO,
            "Archive inside the image could not be read",
            "A nested archive was corrupt or used a form contraband does not stream; its content was not scanned.");
    static final Rule LIMIT = new Rule("archive.limit-reached", Category.OTHER, Severity.INFO,
            "Archive inside the image passes the scan limits",
            "A nested archive holds more than --max-layer-bytes or a file over --max-file-size; the rest was not scanned.");

    private static final List<String> ZIP = List.of(".zip", ".jar", ".war", ".ear", ".whl", ".egg", ".nupkg", ".apk",
            ".aar", ".xpi", ".crx", ".vsix");
    private static final List<String> TAR = List.of(".tar", ".tar.gz", ".tgz", ".tar.zst", ".tar.zstd", ".gem");

    private final List<FileDetector> detectors;
    private final ScanLimits limits;
    private final int maxDepth;

    NestedArchives(List<FileDetector> detectors, ScanLimits limits, int maxDepth) {
        this.detectors = detectors;
        this.limits = limits;
        this.maxDepth = maxDepth;
    }

    static List<Rule> rules() {
        return List.of(UNREADABLE, LIMIT);
    }

    /** Whether an entry's name says it is an archive this class opens. */
    static boolean isArchive(FileEntry e) {
        if (!e.isRegularFile() || e.size() < 22) {
            return false;
        }
        String name = e.name().toLowerCase(Locale.ROOT);
        return ZIP.stream().anyMatch(name::endsWith) || TAR.stream().anyMatch(name::endsWith);
    }

    /** The analysis that opens {@code entry}, found at nesting {@code depth} (0 for a layer's own files), or null. */
    FileAnalysis analyze(FileEntry entry, int depth) {
        if (depth >= maxDepth || !isArchive(entry)) {
            return null;
        }
        return new Expander(entry, depth + 1);
    }

    /** Receives the archive's chunks and feeds them to a reader thread that walks its entries. */
    private final class Expander implements FileAnalysis {
        private final FileEntry archive;
        private final int depth;
        private final ChunkPipe pipe = new ChunkPipe();
        private final List<Finding> found = Collections.synchronizedList(new ArrayList<>());
        private final Thread reader;

        Expander(FileEntry archive, int depth) {
            this.archive = archive;
            this.depth = depth;
            this.reader = Thread.ofVirtual().name("nested-archive").start(this::read);
        }

        @Override
        public void update(byte[] chunk, int offset, int length) {
            pipe.write(chunk, offset, length);
        }

        @Override
        public boolean wantsMore() {
            return !pipe.readerGone();
        }

        @Override
        public void finish(Consumer<Finding> findings) {
            pipe.finishWriting();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (found) {
                found.forEach(findings);
            }
        }

        private void read() {
            try {
                InputStream in = new BufferedInputStream(pipe, LayerEvents.CHUNK);
                walk(open(in), archive.path(), depth, found::add);
            } catch (LimitExceededException e) {
                found.add(Finding.of(LIMIT, new Location.File(archive.path(), null), e.getMessage(), null, null, null));
            } catch (IOException | RuntimeException e) {
                found.add(Finding.of(UNREADABLE, new Location.File(archive.path(), null),
                        archive.path() + " could not be read as an archive (" + e.getMessage() + ")", null, null, null));
            } finally {
                pipe.readerDone();
            }
        }

        private ArchiveInputStream<? extends ArchiveEntry> open(InputStream in) throws IOException {
            String name = archive.name().toLowerCase(Locale.ROOT);
            if (ZIP.stream().anyMatch(name::endsWith)) {
                return new ZipArchiveInputStream(in, "UTF-8", true, true);
            }
            BufferedInputStream buffered = new BufferedInputStream(in, LayerEvents.CHUNK);
            Compression c = Compression.detect(buffered, archive.path());
            return new TarArchiveInputStream(c.decompress(buffered));
        }
    }

    /** Walks one nested archive: every regular file through the detectors, archives in it one level deeper. */
    private void walk(ArchiveInputStream<? extends ArchiveEntry> in, String outer, int depth, Consumer<Finding> out)
            throws IOException {
        byte[] buffer = new byte[LayerEvents.CHUNK];
        long total = 0;
        ArchiveEntry e;
        while ((e = in.getNextEntry()) != null) {
            if (e.isDirectory() || !in.canReadEntryData(e)) {
                continue;
            }
            if (e instanceof TarArchiveEntry t && !t.isFile()) {
                continue;
            }
            String inner = LayerReader.normalize(e.getName());
            int mode = e instanceof ZipArchiveEntry z && z.getUnixMode() != 0 ? z.getUnixMode() & 07777
                    : e instanceof TarArchiveEntry t ? t.getMode() & 07777 : 0644;
            // A streamed zip entry may not know its size before its data (data descriptor): assume the limit.
            long declared = e.getSize() >= 0 ? e.getSize() : limits.maxFileBytes();
            FileEntry entry = new FileEntry(outer + Location.File.INSIDE + inner.substring(1), FileEntry.Type.FILE, mode, 0, 0,
                    declared, null);
            List<FileAnalysis> analyses = new ArrayList<>();
            for (FileDetector d : detectors) {
                if (d.accepts(entry)) {
                    analyses.add(d.analyze(entry));
                }
            }
            FileAnalysis nested = analyze(entry, depth);
            if (nested != null) {
                analyses.add(nested);
            }
            long size = 0;
            int n;
            while (anyWantsMore(analyses) && (n = in.read(buffer, 0, buffer.length)) > 0) {
                size += n;
                total += n;
                if (size > limits.maxFileBytes() || total > limits.maxLayerBytes()) {
                    analyses.forEach(a -> a.finish(out));
                    throw new LimitExceededException(outer + ": passes " + (size > limits.maxFileBytes()
                            ? "--max-file-size at " + entry.path() : "--max-layer-bytes") + "; the rest was not scanned");
                }
                for (FileAnalysis a : analyses) {
                    if (a.wantsMore()) {
                        a.update(buffer, 0, n);
                    }
                }
            }
            for (FileAnalysis a : analyses) {
                a.finish(out);
            }
        }
    }

    private static boolean anyWantsMore(List<FileAnalysis> analyses) {
        for (FileAnalysis a : analyses) {
            if (a.wantsMore()) {
                return true;
            }
        }
        return false;
    }
}
