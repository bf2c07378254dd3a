package dev.contraband.registry;

import dev.contraband.image.Digest;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /v2/NAME/blobs/DIGEST}, from an offset with {@code Range} when resuming. Registries may redirect to
 * blob storage; the transport follows and drops {@code Authorization} when the host changes.
 */
final class BlobEndpoint {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private BlobEndpoint() {
    }

    static String subject(Reference ref, Digest digest) {
        return ref.registry() + "/" + ref.repository() + " blob " + digest;
    }

    /**
     * The blob's bytes from {@code offset}. A server that ignores {@code Range} and sends the whole blob (200) is
     * skipped forward: the bytes come from the same content-addressed URL, and the layer walker's digest covers the
     * spliced whole either way.
     */
    static InputStream open(RegistryHttp http, Reference ref, Digest digest, long offset) throws IOException {
        Map<String, String> headers = offset > 0 ? Map.of("Range", "bytes=" + offset + "-") : Map.of();
        HttpResponse<InputStream> response = http.send("GET", http.uri(ref.repository() + "/blobs/" + digest),
                ManifestEndpoint.scope(ref), headers);
        int status = response.statusCode();
        if (status == 200) {
            InputStream in = response.body();
            if (offset > 0) {
                in.skipNBytes(offset);
            }
            return in;
        }
        if (status == 206 && offset > 0) {
            String range = response.headers().firstValue("Content-Range").orElse("");
            Matcher m = CONTENT_RANGE.matcher(range);
            if (!m.matches() || Long.parseLong(m.group(1)) != offset) {
                RegistryHttp.close(response);
                throw new RegistryException(subject(ref, digest) + ": resumed download answered Content-Range \""
                        + range + "\", not from byte " + offset);
            }
            return response.body();
        }
        throw http.error(response, subject(ref, digest));
    }

    static byte[] readVerified(RegistryHttp http, Reference ref, Digest digest, String what) throws IOException {
        byte[] bytes;
        try (InputStream in = open(http, ref, digest, 0)) {
            bytes = in.readNBytes(RegistryHttp.MAX_SMALL + 1);
        } catch (RegistryException e) {
            throw e;
        } catch (IOException e) {
            throw Failures.of(http.registry(), e);
        }
        if (bytes.length > RegistryHttp.MAX_SMALL) {
            throw new RegistryException(what + " " + digest + ": larger than " + (RegistryHttp.MAX_SMALL >> 20) + " MiB");
        }
        Digest actual = ManifestEndpoint.hash(bytes, digest.algorithm());
        if (!actual.equals(digest)) {
            throw new RegistryException(subject(ref, digest) + ": " + what + " digest mismatch (content hashes to " + actual + ")");
        }
        return bytes;
    }
}
