package dev.contraband.layer;

import dev.contraband.image.Digest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Hashes and counts the bytes read through it. At end of stream it compares the hash with the expected digest
 * (when there is one) and throws {@link DigestMismatchException}; past {@code maxBytes} it throws
 * {@link LimitExceededException}. Either way a reader never sees the end of a stream whose bytes are wrong.
 */
final class DigestingInputStream extends FilterInputStream {
    private final Digest expected;
    private final MessageDigest md;
    private final long maxBytes;
    private final String what;
    private final String limitMessage;
    private long count;
    private Digest actual;
    /** Kept so that a reader that swallowed the first throw (GZIPInputStream does) meets it again. */
    private DigestMismatchException mismatch;

    DigestingInputStream(InputStream in, Digest expected, long maxBytes, String what, String limitMessage) {
        this(in, expected, maxBytes, what, limitMessage, true);
    }

    /**
     * @param hash false to only count and limit: for an uncompressed layer the tar bytes are the stored bytes, so
     *             hashing them twice would only cost time; the caller then checks the diffId against the digest
     */
    DigestingInputStream(InputStream in, Digest expected, long maxBytes, String what, String limitMessage, boolean hash) {
        super(in);
        this.expected = hash ? expected : null;
        this.md = !hash ? null : expected == null ? Digest.newSha256() : expected.newMessageDigest();
        this.maxBytes = maxBytes;
        this.what = what;
        this.limitMessage = limitMessage;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            if (md != null) {
                md.update(b, off, n);
            }
            count += n;
            if (count > maxBytes) {
                throw new LimitExceededException(limitMessage);
            }
        } else if (n < 0) {
            atEnd();
        }
        return n;
    }

    private void atEnd() throws DigestMismatchException {
        if (actual == null && md != null) {
            String algorithm = expected == null ? "sha256" : expected.algorithm();
            actual = new Digest(algorithm, HexFormat.of().formatHex(md.digest()));
            if (expected != null && !expected.equals(actual)) {
                mismatch = new DigestMismatchException(what + ": digest mismatch: expected " + expected
                        + ", content hashes to " + actual);
            }
        }
        if (mismatch != null) {
            throw mismatch;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(n, 64 << 10)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads to the end, so the digest covers every byte, and checks it. */
    void drain() throws IOException {
        byte[] buf = new byte[64 << 10];
        while (read(buf, 0, buf.length) >= 0) {
            // reading is the point
        }
        atEnd();
    }

    long count() {
        return count;
    }

    /** The digest of everything read, once the end was reached. */
    Digest actual() {
        return actual;
    }
}
