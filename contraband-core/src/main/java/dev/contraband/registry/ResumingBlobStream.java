package dev.contraband.registry;

import java.io.IOException;
import java.io.InputStream;

/**
 * A blob download that survives broken connections: when a read fails (reset, premature end, read timeout) it asks
 * for the rest with {@code Range} and carries on. Only bytes of the same content-addressed blob are ever spliced,
 * and the layer walker verifies the digest of the whole; a blob whose bytes were changed still fails.
 */
final class ResumingBlobStream extends InputStream {
    /** Opens the blob from an offset. */
    @FunctionalInterface
    interface Opener {
        InputStream open(long offset) throws IOException;
    }

    private final Opener opener;
    private final long size;
    private final int maxResumes;
    private final String subject;
    private InputStream current;
    private long position;
    private int resumes;

    /** @param size the size the manifest gives, or -1 when unknown (then an early end cannot be told from the end) */
    ResumingBlobStream(Opener opener, long size, int maxResumes, String subject) throws IOException {
        this.opener = opener;
        this.size = size;
        this.maxResumes = maxResumes;
        this.subject = subject;
        this.current = opener.open(0);
    }

    int resumes() {
        return resumes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            int n;
            try {
                n = current.read(b, off, len);
            } catch (RegistryException e) {
                throw e;
            } catch (IOException e) {
                resume(e);
                continue;
            }
            if (n < 0 && size >= 0 && position < size) {
                resume(new IOException("connection closed after " + position + " of " + size + " bytes"));
                continue;
            }
            if (n > 0) {
                position += n;
            }
            return n;
        }
    }

    private void resume(IOException cause) throws IOException {
        closeQuietly();
        if (resumes >= maxResumes) {
            throw new RegistryException(subject + ": download broke " + (resumes + 1) + " times, last at byte " + position
                    + " (" + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + ")", cause);
        }
        resumes++;
        current = opener.open(position);
    }

    private void closeQuietly() {
        try {
            current.close();
        } catch (IOException ignored) {
            // the connection is broken already
        }
    }

    @Override
    public void close() throws IOException {
        current.close();
    }
}
