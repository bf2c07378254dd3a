package dev.contraband.detect;

import java.nio.charset.StandardCharsets;

/**
 * Content the content-scanning families (secrets, miners, network) skip after its first bytes: compressed data (gzip, xz, zstd, bzip2: no
 * string in it is readable; archives inside layers are opened by the layer walker), gettext catalogs, and apt's
 * package indexes and caches — half of a Debian root filesystem's bytes, describing the archive rather than the
 * image. Told by magic bytes (and, for apt's indexes, by their path and their first line), so a miner renamed to
 * {@code x.mo} or {@code x.gz} is still read.
 */
public final class OpaqueContent {
    private OpaqueContent() {
    }

    /** One file's verdict, decided on its first chunk. */
    public static final class Gate {
        private final String path;
        private Boolean opaque;

        public Gate(String path) {
            this.path = path;
        }

        /** Whether this chunk (and every later one) is to be skipped. */
        public boolean skip(byte[] b, int off, int len) {
            if (opaque == null) {
                opaque = opaque(path, b, off, len);
            }
            return opaque;
        }

        /** Whether the first chunk showed opaque content. */
        public boolean skipped() {
            return opaque != null && opaque;
        }
    }

    public static boolean opaque(String path, byte[] b, int off, int len) {
        if (len < 4) {
            return false;
        }
        int b0 = b[off] & 0xff, b1 = b[off + 1] & 0xff, b2 = b[off + 2] & 0xff, b3 = b[off + 3] & 0xff;
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        boolean xz = b0 == 0xfd && b1 == '7' && b2 == 'z' && b3 == 'X';
        boolean zstd = b0 == 0x28 && b1 == 0xb5 && b2 == 0x2f && b3 == 0xfd;
        boolean bzip2 = b0 == 'B' && b1 == 'Z' && b2 == 'h';
        boolean mo = b0 == 0xde && b1 == 0x12 && b2 == 0x04 && b3 == 0x95 || b0 == 0x95 && b1 == 0x04 && b2 == 0x12 && b3 == 0xde;
        boolean aptCache = path.startsWith("/var/cache/apt/") && b0 == 0xdc && b1 == 0x76 && b2 == 0xfe && b3 == 0x98;
        boolean aptIndex = path.startsWith("/var/lib/apt/lists/") && startsWith(b, off, len,
                "Package: ", "Origin: ", "-----BEGIN PGP SIGNED MESSAGE", "Description-md5: ");
        return gzip || xz || zstd || bzip2 || mo || aptCache || aptIndex;
    }

    private static boolean startsWith(byte[] b, int off, int len, String... prefixes) {
        for (String p : prefixes) {
            byte[] pb = p.getBytes(StandardCharsets.US_ASCII);
            if (len >= pb.length && java.util.Arrays.equals(b, off, off + pb.length, pb, 0, pb.length)) {
                return true;
            }
        }
        return false;
    }
}
