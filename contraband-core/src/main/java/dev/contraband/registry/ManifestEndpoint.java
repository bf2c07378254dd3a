package dev.contraband.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contraband.image.Digest;
import dev.contraband.source.MediaTypes;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /v2/NAME/manifests/REFERENCE}. All four manifest media types go in {@code Accept}: a registry answers
 * 404 for an OCI manifest that the client did not say it accepts. The bytes are checked against the digest asked
 * for, and against {@code Docker-Content-Digest} when a tag was asked for.
 */
final class ManifestEndpoint {
    static final String ACCEPT = String.join(", ", MediaTypes.OCI_MANIFEST, MediaTypes.OCI_INDEX,
            MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_MANIFEST_LIST);
    private static final String SCHEMA1 = "application/vnd.docker.distribution.manifest.v1";

    private ManifestEndpoint() {
    }

    static String scope(Reference ref) {
        return "repository:" + ref.repository() + ":pull";
    }

    static Manifest get(RegistryHttp http, Reference ref, String reference, Digest expected) throws IOException {
        HttpResponse<InputStream> response = http.send("GET", http.uri(ref.repository() + "/manifests/" + reference),
                scope(ref), Map.of("Accept", ACCEPT));
        if (response.statusCode() != 200) {
            throw http.error(response, subject(ref, reference));
        }
        byte[] bytes = RegistryHttp.readSmall(response, subject(ref, reference) + ": manifest");
        String mediaType = response.headers().firstValue("Content-Type").map(ManifestEndpoint::bare).orElse(null);
        if (mediaType == null || mediaType.equals("application/json") || mediaType.equals("text/plain")) {
            JsonNode root = RegistryJson.parseObject(bytes, subject(ref, reference) + ": manifest");
            mediaType = RegistryJson.text(root, "mediaType");
        }
        if (mediaType != null && mediaType.startsWith(SCHEMA1)) {
            throw new RegistryException(subject(ref, reference) + ": a schema 1 manifest, which Docker itself no longer"
                    + " pulls; re-push the image with a current tool");
        }
        Optional<Digest> told = response.headers().firstValue("Docker-Content-Digest").flatMap(ManifestEndpoint::digest);
        Digest check = expected != null ? expected : told.orElse(null);
        Digest actual = hash(bytes, check == null ? "sha256" : check.algorithm());
        if (check != null && !actual.equals(check)) {
            throw new RegistryException(subject(ref, reference) + ": manifest digest mismatch (content hashes to "
                    + actual + ", expected " + check + ")");
        }
        return new Manifest(bytes, mediaType, actual);
    }

    /** The digest a tag points to, from a HEAD request; empty when the registry does not say. */
    static Optional<Digest> head(RegistryHttp http, Reference ref) throws IOException {
        HttpResponse<InputStream> response = http.send("HEAD", http.uri(ref.repository() + "/manifests/" + ref.tag()),
                scope(ref), Map.of("Accept", ACCEPT));
        RegistryHttp.close(response);
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        return response.headers().firstValue("Docker-Content-Digest").flatMap(ManifestEndpoint::digest);
    }

    static String subject(Reference ref, String reference) {
        return ref.registry() + "/" + ref.repository() + (reference.contains(":") ? "@" : ":") + reference;
    }

    private static Optional<Digest> digest(String text) {
        try {
            return Optional.of(Digest.parse(text.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String bare(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
    }

    static Digest hash(byte[] bytes, String algorithm) {
        Digest template = algorithm.equals("sha512") ? new Digest("sha512", "0".repeat(128)) : new Digest("sha256", "0".repeat(64));
        return new Digest(algorithm, HexFormat.of().formatHex(template.newMessageDigest().digest(bytes)));
    }
}
