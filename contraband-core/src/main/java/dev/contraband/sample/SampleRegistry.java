package dev.contraband.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A read-only registry of built sample images on 127.0.0.1 (the pull half of the OCI distribution API: {@code /v2/},
 * manifests by tag or digest, blobs), so that a training run of the CLI can pull over HTTP without a real registry.
 * Tests use Debian's docker-registry instead; this exists for the launcher's ahead-of-time cache training.
 */
public final class SampleRegistry implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> manifests = new HashMap<>();
    private final Map<String, byte[]> blobs = new HashMap<>();

    private SampleRegistry(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code images} (repository name to image, each under the tag {@code latest}) on a free loopback port. */
    public static SampleRegistry serve(Map<String, ImageBuilder.Built> images) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        SampleRegistry registry = new SampleRegistry(server);
        images.forEach((name, image) -> {
            registry.manifests.put(name + "/manifests/latest", image.manifest());
            registry.manifests.put(name + "/manifests/" + image.manifestDigest(), image.manifest());
            registry.blobs.put(name + "/blobs/" + image.configDigest(), image.config());
            image.layers().forEach(l -> registry.blobs.put(name + "/blobs/" + l.digest(), l.blob()));
        });
        server.createContext("/v2/", registry::handle);
        server.start();
        return registry;
    }

    /** {@code 127.0.0.1:PORT}, the registry part of references to these images. */
    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/v2/".length());
            byte[] body;
            if (path.isEmpty()) {
                body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
            } else if ((body = manifests.get(path)) != null) {
                exchange.getResponseHeaders().set("Content-Type", "application/vnd.oci.image.manifest.v1+json");
                exchange.getResponseHeaders().set("Docker-Content-Digest", dev.contraband.image.Digest.sha256Of(body).toString());
            } else if ((body = blobs.get(path)) != null) {
                exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            } else {
                byte[] error = "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"not found\"}]}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(404, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
