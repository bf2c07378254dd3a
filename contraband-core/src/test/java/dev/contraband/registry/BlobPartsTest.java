package dev.contraband.registry;

import dev.contraband.image.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The resuming blob stream and the blob cache, on bytes in memory. */
class BlobPartsTest {
    @TempDir
    Path tmp;

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Serves {@code blob} from an offset, breaking after {@code breakAfter} bytes the first {@code breaks} times. */
    static ResumingBlobStream.Opener flaky(byte[] blob, int breakAfter, int breaks, List<Long> offsets) {
        int[] left = {breaks};
        return offset -> {
            offsets.add(offset);
            boolean breakThis = left[0]-- > 0;
            return new InputStream() {
                long pos = offset;
                int sent;

                @Override
                public int read() throws IOException {
                    if (breakThis && sent >= breakAfter) {
                        throw new IOException("Connection reset");
                    }
                    if (pos >= blob.length) {
                        return -1;
                    }
                    sent++;
                    return blob[(int) pos++] & 0xff;
                }
            };
        };
    }

    @Test
    void read_brokenTwice_resumedFromWhereItBroke() throws IOException {
        byte[] blob = bytes(10_000, 1);
        List<Long> offsets = new ArrayList<>();
        try (ResumingBlobStream in = new ResumingBlobStream(flaky(blob, 3000, 2, offsets), blob.length, 8, "b")) {
            assertThat(in.readAllBytes()).isEqualTo(blob);
            assertThat(in.resumes()).isEqualTo(2);
        }
        assertThat(offsets).containsExactly(0L, 3000L, 6000L);
    }

    @Test
    void read_earlyEndOfKnownSize_resumed() throws IOException {
        byte[] blob = bytes(1000, 2);
        List<Long> offsets = new ArrayList<>();
        ResumingBlobStream.Opener shortFirst = offset -> {
            offsets.add(offset);
            int end = offset == 0 ? 400 : blob.length;
            return new ByteArrayInputStream(blob, (int) offset, end - (int) offset);
        };
        try (ResumingBlobStream in = new ResumingBlobStream(shortFirst, blob.length, 8, "b")) {
            assertThat(in.readAllBytes()).isEqualTo(blob);
        }
        assertThat(offsets).containsExactly(0L, 400L);
    }

    @Test
    void read_brokenMoreThanAllowed_failsNamingTheBlob() {
        byte[] blob = bytes(1000, 3);
        assertThatThrownBy(() -> {
            try (ResumingBlobStream in = new ResumingBlobStream(flaky(blob, 10, 100, new ArrayList<>()), blob.length, 2, "reg/repo blob x")) {
                in.readAllBytes();
            }
        }).isInstanceOf(RegistryException.class).hasMessageStartingWith("reg/repo blob x: download broke 3 times");
    }

    @Test
    void store_completeMatchingBlob_servedFromCacheNextTime() throws IOException {
        BlobCache cache = new BlobCache(tmp, 1 << 20);
        byte[] blob = bytes(5000, 4);
        Digest d = Digest.sha256Of(blob);
        assertThat(cache.open(d)).isEmpty();
        try (InputStream in = cache.store(d, new ByteArrayInputStream(blob))) {
            in.readAllBytes();
        }
        try (InputStream in = cache.open(d).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(blob);
        }
    }

    @Test
    void store_wrongBytesOrUnfinished_neverCached() throws IOException {
        BlobCache cache = new BlobCache(tmp, 1 << 20);
        byte[] blob = bytes(5000, 5);
        Digest d = Digest.sha256Of(blob);
        try (InputStream in = cache.store(d, new ByteArrayInputStream(bytes(5000, 6)))) {
            in.readAllBytes();
        }
        try (InputStream in = cache.store(d, new ByteArrayInputStream(blob))) {
            in.readNBytes(100);
        }
        assertThat(cache.open(d)).isEmpty();
        try (var files = Files.list(tmp)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith(".incoming"))).isEmpty();
        }
    }

    @Test
    void evict_overBound_leastRecentlyUsedGoesFirst() throws IOException {
        BlobCache cache = new BlobCache(tmp, 2500);
        List<Digest> digests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] blob = bytes(1000, 10 + i);
            Digest d = Digest.sha256Of(blob);
            digests.add(d);
            try (InputStream in = cache.store(d, new ByteArrayInputStream(blob))) {
                in.readAllBytes();
            }
            // mtimes one minute apart, so the order does not depend on the file system's timestamp resolution
            Files.setLastModifiedTime(tmp.resolve("blobs/sha256/" + d.hex()), FileTime.fromMillis(1_000_000L + i * 60_000L));
        }
        cache.evict();
        assertThat(cache.open(digests.get(0))).isEmpty();
        assertThat(cache.open(digests.get(1))).isPresent();
        assertThat(cache.open(digests.get(2))).isPresent();
    }
}
