package dev.contraband.registry;

import dev.contraband.registry.auth.Authenticator;
import dev.contraband.registry.transport.HttpTransport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Requests to one registry: adds the {@code Authorization} its {@link Authenticator} gives for the scope, answers a
 * 401 challenge once, and reports a second 401 as an authentication failure.
 */
final class RegistryHttp {
    static final int MAX_SMALL = 8 << 20;
    private final String registry;
    private final URI base;
    private final HttpTransport http;
    private final Authenticator auth;

    RegistryHttp(String registry, URI base, HttpTransport http, Authenticator auth) {
        this.registry = registry;
        this.base = base;
        this.http = http;
        this.auth = auth;
    }

    String registry() {
        return registry;
    }

    /** A path below {@code /v2/}. */
    URI uri(String path) {
        return base.resolve(path);
    }

    HttpResponse<InputStream> send(String method, URI uri, String scope, Map<String, String> headers) throws IOException {
        try {
            Map<String, String> h = new LinkedHashMap<>(headers);
            Optional<String> header = auth.header(scope);
            header.ifPresent(v -> h.put("Authorization", v));
            HttpResponse<InputStream> response = http.send(new HttpTransport.Request(method, uri, h, null));
            if (response.statusCode() != 401) {
                return response;
            }
            close(response);
            h.put("Authorization", auth.challenged(response.headers().allValues("WWW-Authenticate"), scope));
            response = http.send(new HttpTransport.Request(method, uri, h, null));
            if (response.statusCode() == 401) {
                close(response);
                throw new RegistryException("authentication failed for " + registry);
            }
            return response;
        } catch (IOException e) {
            throw Failures.of(registry, e);
        }
    }

    static byte[] readSmall(HttpResponse<InputStream> response, String what) throws IOException {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_SMALL + 1);
            if (bytes.length > MAX_SMALL) {
                throw new RegistryException(what + ": larger than " + (MAX_SMALL >> 20) + " MiB");
            }
            return bytes;
        }
    }

    static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing more to read from it
        }
    }

    /** The error for a non-2xx answer about {@code subject} (a reference, a blob). */
    RegistryException error(HttpResponse<InputStream> response, String subject) {
        byte[] body;
        try {
            body = readSmall(response, "error");
        } catch (IOException e) {
            body = new byte[0];
        }
        ErrorBody err = ErrorBody.parse(body);
        int status = response.statusCode();
        String what = switch (status) {
            case 404 -> err.has("NAME_UNKNOWN") ? "repository not found" : err.has("BLOB_UNKNOWN") ? "blob not found"
                    : err.has("MANIFEST_UNKNOWN") ? "manifest unknown (no such repository, tag or digest)" : "not found";
            case 403 -> "access denied";
            case 429 -> "too many requests (the registry's rate limit; try later or lower --rate-limit)";
            default -> "HTTP " + status + (err.text().isEmpty() ? "" : " (" + err.text() + ")");
        };
        if (status == 401 || status == 403 && err.has("DENIED") && registry.equals(Reference.DOCKER_HUB)) {
            what = "access denied (the repository may not exist, or needs credentials)";
        }
        return new RegistryException(subject + ": " + what);
    }
}
