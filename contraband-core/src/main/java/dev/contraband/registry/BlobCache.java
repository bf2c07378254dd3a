package dev.contraband.registry;

import dev.contraband.image.Digest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An optional content-addressed cache of blobs on disk ({@code --cache-dir}), bounded in size: the least recently
 * used blobs (by modification time, touched on every hit) are removed when the total grows past the bound. A blob is
 * stored while it streams to the scanner, and enters the cache only when all of it arrived and hashes to its digest;
 * a cached file that no longer matches is removed when read, so the next scan fetches it again.
 */
public final class BlobCache {
    private final Path root;
    private final long maxBytes;

    public BlobCache(Path root, long maxBytes) throws IOException {
        this.root = root.toAbsolutePath();
        this.maxBytes = maxBytes;
        Files.createDirectories(this.root.resolve("blobs"));
    }

    private Path path(Digest d) {
        return root.resolve("blobs").resolve(d.algorithm()).resolve(d.hex());
    }

    /** The cached blob, touched as recently used. */
    public Optional<InputStream> open(Digest d) throws IOException {
        Path p = path(d);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis()));
            return Optional.of(new Checked(Files.newInputStream(p), d, p, null));
        } catch (java.nio.file.NoSuchFileException evicted) {
            return Optional.empty();
        }
    }

    /** Passes {@code source} through, keeping a copy that enters the cache if the whole blob matches {@code d}. */
    public InputStream store(Digest d, InputStream source) throws IOException {
        Path tmp = Files.createTempFile(root, ".incoming-", ".tmp");
        return new Checked(source, d, tmp, Files.newOutputStream(tmp));
    }

    /** Removes least recently used blobs until the cache holds at most {@code maxBytes}. */
    synchronized void evict() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root.resolve("blobs"))) {
            all.filter(Files::isRegularFile).forEach(files::add);
        }
        record Entry(Path path, long size, long used) {
        }
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        for (Path f : files) {
            try {
                long size = Files.size(f);
                entries.add(new Entry(f, size, Files.getLastModifiedTime(f).toMillis()));
                total += size;
            } catch (java.nio.file.NoSuchFileException gone) {
                // removed by a concurrent scan
            }
        }
        entries.sort(Comparator.comparingLong(Entry::used));
        for (Entry e : entries) {
            if (total <= maxBytes) {
                break;
            }
            Files.deleteIfExists(e.path());
            total -= e.size();
        }
    }

    /** Hashes what passes; at the end either commits the copy or, reading a cached file, drops it if it went bad. */
    private final class Checked extends FilterInputStream {
        private final Digest digest;
        private final Path file;
        private final OutputStream copy;
        private final MessageDigest md;
        private boolean done;

        Checked(InputStream in, Digest digest, Path file, OutputStream copy) {
            super(in);
            this.digest = digest;
            this.file = file;
            this.copy = copy;
            this.md = digest.newMessageDigest();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                md.update(b, off, n);
                if (copy != null) {
                    copy.write(b, off, n);
                }
            } else if (n < 0 && !done) {
                finish();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipping would leave holes in the copy and the hash
            byte[] buf = new byte[(int) Math.min(n, 64 << 10)];
            int r = read(buf, 0, buf.length);
            return Math.max(r, 0);
        }

        private void finish() throws IOException {
            done = true;
            boolean matches = HexFormat.of().formatHex(md.digest()).equals(digest.hex());
            if (copy == null) {
                if (!matches) {
                    Files.deleteIfExists(file);
                }
                return;
            }
            copy.close();
            if (matches) {
                Path target = path(digest);
                Files.createDirectories(target.getParent());
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                evict();
            } else {
                Files.deleteIfExists(file);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                if (copy != null && !done) {
                    done = true;
                    copy.close();
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
