package dev.contraband.layer;

import dev.contraband.detect.FileAnalysis;
import dev.contraband.detect.FileDetector;
import dev.contraband.detect.FileEntry;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Rule;
import dev.contraband.detect.artifact.SuspiciousFileDetector;
import dev.contraband.image.Digest;
import dev.contraband.image.ImageException;
import dev.contraband.image.LayerDescriptor;
import dev.contraband.sample.ImageBuilder;
import dev.contraband.sample.LayerBuilder;
import dev.contraband.sample.SampleElf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayerWalkerTest {
    /** Records every entry it is offered and the sha256 of the content it was pushed, to check streaming. */
    static final class RecordingDetector implements FileDetector {
        final List<FileEntry> seen = new ArrayList<>();
        final Map<String, String> contentHashes = new ConcurrentHashMap<>();
        final Map<String, Integer> chunks = new ConcurrentHashMap<>();

        public String id() {
            return "recording";
        }

        public int version() {
            return 1;
        }

        public List<Rule> rules() {
            return List.of();
        }

        public boolean accepts(FileEntry entry) {
            seen.add(entry);
            return true;
        }

        public FileAnalysis analyze(FileEntry entry) {
            MessageDigest md = Digest.newSha256();
            return new FileAnalysis() {
                public void update(byte[] chunk, int offset, int length) {
                    md.update(chunk, offset, length);
                    chunks.merge(entry.path(), 1, Integer::sum);
                }

                public void finish(Consumer<Finding> findings) {
                    contentHashes.put(entry.path(), Digest.sha256(md.digest()).hex());
                }
            };
        }
    }

    static LayerDescriptor descriptor(byte[] blob, byte[] tar) {
        return new LayerDescriptor(0, Digest.sha256Of(blob), Digest.sha256Of(tar), null, blob.length, null);
    }

    static LayerReport walk(List<FileDetector> detectors, ScanLimits limits, byte[] tar, Compression c) throws IOException {
        byte[] blob = ImageBuilder.compress(tar, c);
        return new LayerWalker(detectors, limits).walk(descriptor(blob, tar), new ByteArrayInputStream(blob), "layer 0");
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void walk_anyCompression_streamsWholeContentInChunks(Compression compression) throws IOException {
        byte[] big = new byte[1 << 20];
        new java.util.Random(7).nextBytes(big);
        byte[] tar = LayerBuilder.create().dir("/data").file("/data/big.bin", big, 0644).file("/data/small", "hi").tar();
        RecordingDetector d = new RecordingDetector();
        LayerReport report = walk(List.of(d), ScanLimits.DEFAULT, tar, compression);
        assertThat(report.compression()).isEqualTo(compression);
        assertThat(d.contentHashes.get("/data/big.bin")).isEqualTo(Digest.sha256Of(big).hex());
        assertThat(d.chunks.get("/data/big.bin")).isGreaterThan(1);
        assertThat(report.paths()).containsExactlyInAnyOrder("/data", "/data/big.bin", "/data/small");
        assertThat(report.diffId()).isEqualTo(Digest.sha256Of(tar));
        assertThat(report.uncompressedBytes()).isEqualTo(tar.length);
    }

    @Test
    void walk_whiteoutsAndOpaqueDirs_areRecordedNotListedAsFiles() throws IOException {
        byte[] tar = LayerBuilder.create().whiteout("/etc/secret").opaque("/var/cache").file("/var/cache/new", "n").tar();
        LayerReport report = walk(List.of(), ScanLimits.DEFAULT, tar, Compression.GZIP);
        assertThat(report.whiteouts()).containsExactly("/etc/secret");
        assertThat(report.opaqueDirs()).containsExactly("/var/cache");
        assertThat(report.paths()).containsExactly("/var/cache/new");
    }

    @Test
    void walk_linksAndModes_recordedNeverFollowed() throws IOException {
        byte[] tar = LayerBuilder.create()
                .symlink("/tmp/evil", "/etc/shadow")
                .hardlink("/tmp/hard", "/etc/passwd")
                .file("/opt/su", SampleElf.program(), 04755, 0, 0).tar();
        RecordingDetector d = new RecordingDetector();
        walk(List.of(d), ScanLimits.DEFAULT, tar, Compression.NONE);
        assertThat(d.seen).extracting(FileEntry::path, FileEntry::type, FileEntry::linkTarget).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/tmp/evil", FileEntry.Type.SYMLINK, "/etc/shadow"),
                org.assertj.core.groups.Tuple.tuple("/tmp/hard", FileEntry.Type.HARDLINK, "/etc/passwd"),
                org.assertj.core.groups.Tuple.tuple("/opt/su", FileEntry.Type.FILE, null));
        assertThat(d.seen.get(2).isSetuid()).isTrue();
        assertThat(d.seen.get(2).mode()).isEqualTo(04755);
        String empty = Digest.sha256Of(new byte[0]).hex();
        assertThat(d.contentHashes).containsEntry("/tmp/evil", empty).containsEntry("/tmp/hard", empty);
    }

    @Test
    void walk_tamperedBlob_isCompressedDigestMismatch() throws IOException {
        byte[] tar = LayerBuilder.create().file("/a", "a".repeat(1000)).tar();
        byte[] blob = ImageBuilder.compress(tar, Compression.GZIP);
        LayerDescriptor honest = descriptor(blob, tar);
        LayerDescriptor lying = new LayerDescriptor(0, Digest.sha256Of("other".getBytes()), honest.diffId(), null, -1, null);
        assertThatThrownBy(() -> new LayerWalker(List.of(), ScanLimits.DEFAULT).walk(lying, new ByteArrayInputStream(blob), "layer 0"))
                .isInstanceOf(DigestMismatchException.class).hasMessageContaining("layer 0: digest mismatch");
    }

    @Test
    void walk_wrongDiffId_isUncompressedDigestMismatch() throws IOException {
        byte[] tar = LayerBuilder.create().file("/a", "a").tar();
        byte[] blob = ImageBuilder.compress(tar, Compression.GZIP);
        LayerDescriptor lying = new LayerDescriptor(0, Digest.sha256Of(blob), Digest.sha256Of("x".getBytes()), null, -1, null);
        assertThatThrownBy(() -> new LayerWalker(List.of(), ScanLimits.DEFAULT).walk(lying, new ByteArrayInputStream(blob), "layer 0"))
                .isInstanceOf(DigestMismatchException.class).hasMessageContaining("(uncompressed): digest mismatch");
    }

    @Test
    void walk_bomb_stopsAtLayerLimit() {
        byte[] tar = LayerBuilder.create().file("/zeros", new byte[4 << 20], 0644).tar();
        assertThatThrownBy(() -> walk(List.of(), new ScanLimits(1 << 20, 1L << 30), tar, Compression.GZIP))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("--max-layer-bytes");
    }

    @Test
    void walk_fileOverLimit_namesFileAndOption() {
        byte[] tar = LayerBuilder.create().file("/big", new byte[2 << 20], 0644).tar();
        assertThatThrownBy(() -> walk(List.of(), new ScanLimits(1L << 30, 1 << 20), tar, Compression.NONE))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("/big").hasMessageContaining("--max-file-size");
    }

    @Test
    void walk_truncatedGzip_saysTruncated() {
        byte[] tar = LayerBuilder.create().file("/a", new byte[200_000], 0644).tar();
        byte[] blob = ImageBuilder.compress(tar, Compression.GZIP);
        byte[] cut = Arrays.copyOf(blob, blob.length / 2);
        LayerDescriptor d = new LayerDescriptor(0, null, null, null, -1, null);
        assertThatThrownBy(() -> new LayerWalker(List.of(), ScanLimits.DEFAULT).walk(d, new ByteArrayInputStream(cut), "layer 3"))
                .isInstanceOf(ImageException.class).hasMessageStartingWith("layer 3: truncated");
    }

    @Test
    void walk_entrySizePastEndOfTar_saysTruncated() {
        byte[] tar = LayerBuilder.create().file("/a", new byte[100_000], 0644).tar();
        byte[] cut = Arrays.copyOf(tar, 512 + 30_000);
        LayerDescriptor d = new LayerDescriptor(0, null, null, null, -1, null);
        assertThatThrownBy(() -> new LayerWalker(List.of(new RecordingDetector()), ScanLimits.DEFAULT)
                .walk(d, new ByteArrayInputStream(cut), "layer 1"))
                .isInstanceOf(ImageException.class).hasMessageStartingWith("layer 1: truncated tar");
    }

    @Test
    void walk_suspiciousDetector_findsElfInTmpByMagicNotName() throws IOException {
        byte[] tar = LayerBuilder.create()
                .file("/tmp/readme.txt", SampleElf.program(), 0644)
                .file("/tmp/notes.elf", "just text, not an ELF file at all, long enough to be considered".getBytes(), 0755).tar();
        LayerReport report = walk(List.of(new SuspiciousFileDetector()), ScanLimits.DEFAULT, tar, Compression.GZIP);
        assertThat(report.findings()).extracting(Finding::path).containsExactly("/tmp/readme.txt");
    }
}
