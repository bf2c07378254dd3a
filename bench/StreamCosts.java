import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.zip.GZIPInputStream;

/**
 * What the layer walker's unavoidable steps cost inside a warm JVM, one at a time, on one thread: inflating the gzip
 * layer, SHA-256 over the uncompressed tar (the diffId) and over the stored blob (the digest).
 * Not a test: {@code java bench/StreamCosts.java bench/.cache/layout/blobs/sha256/<layer>}; add
 * {@code -XX:TieredStopAtLevel=1} to see what C1 alone does to SHA-256 (no intrinsic).
 */
public class StreamCosts {
    public static void main(String[] args) throws Exception {
        Path layer = Path.of(args[0]);
        byte[] blob = Files.readAllBytes(layer);
        byte[] buf = new byte[64 << 10];
        for (int round = 1; round <= 5; round++) {
            long t0 = System.nanoTime();
            long tarBytes = 0;
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(layer), 64 << 10), 64 << 10)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    tarBytes += n;
                }
            }
            long t1 = System.nanoTime();
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (long done = 0; done < tarBytes; done += buf.length) {
                md.update(buf, 0, (int) Math.min(buf.length, tarBytes - done));
            }
            md.digest();
            long t2 = System.nanoTime();
            md.update(blob);
            md.digest();
            long t3 = System.nanoTime();
            System.out.printf("round %d: inflate %d ms (%d bytes out), sha256 of %d bytes %d ms, sha256 of the %d-byte blob %d ms%n",
                    round, (t1 - t0) / 1_000_000, tarBytes, tarBytes, (t2 - t1) / 1_000_000, blob.length, (t3 - t2) / 1_000_000);
        }
    }
}
