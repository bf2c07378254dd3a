package dev.contraband.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An HTTP proxy in front of the real registry that injects the faults a real registry will not produce on demand:
 * a 429 with {@code Retry-After}, a connection that breaks in the middle of a blob, changed blob bytes, and a
 * redirect of blob downloads to another host (127.0.0.2, standing in for blob storage) that serves them from a
 * second, anonymous registry over the same storage, as pre-signed storage URLs need no credentials. Records each
 * request so tests can check what was sent.
 */
public final class FaultProxy implements AutoCloseable {
    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "transfer-encoding",
            "upgrade", "expect", "keep-alive", "http2-settings");
    private static final String REDIRECTED = "/__storage";

    /** One request as it arrived. */
    public record Seen(String host, String method, String path, String range, boolean authorization) {
    }

    private final URI upstream;
    private final URI storageUpstream;
    private final HttpServer front;
    private final HttpServer storage;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> tooManyOnce = new AtomicReference<>();
    private final AtomicReference<String> breakOnce = new AtomicReference<>();
    private volatile String corrupt;
    private volatile boolean redirectBlobs;

    public FaultProxy(URI upstream, URI storageUpstream) throws IOException {
        this.upstream = upstream;
        this.storageUpstream = storageUpstream;
        front = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        front.createContext("/", this::handle);
        front.start();
        storage = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        storage.createContext("/", this::handle);
        storage.start();
    }

    public String host() {
        return "127.0.0.1:" + front.getAddress().getPort();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** The next request whose path contains {@code part} gets 429 with {@code Retry-After: 1}. */
    public void tooManyRequestsOnce(String part) {
        tooManyOnce.set(part);
    }

    /** The next response whose path contains {@code part} stops after half its body and the connection closes. */
    public void breakBodyOnce(String part) {
        breakOnce.set(part);
    }

    /** Every response whose path contains {@code part} has one byte changed in the middle. */
    public void corrupt(String part) {
        corrupt = part;
    }

    public void redirectBlobs(boolean on) {
        redirectBlobs = on;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        String host = ex.getLocalAddress().getAddress().getHostAddress();
        seen.add(new Seen(host, ex.getRequestMethod(), path, ex.getRequestHeaders().getFirst("Range"),
                ex.getRequestHeaders().containsKey("Authorization")));
        String part = tooManyOnce.get();
        if (part != null && path.contains(part) && tooManyOnce.compareAndSet(part, null)) {
            ex.getResponseHeaders().set("Retry-After", "1");
            ex.sendResponseHeaders(429, -1);
            ex.close();
            return;
        }
        URI target;
        if (path.startsWith(REDIRECTED)) {
            target = storageUpstream.resolve(path.substring(REDIRECTED.length()));
        } else if (redirectBlobs && path.matches("/v2/.+/blobs/sha256:[a-f0-9]{64}") && ex.getRequestMethod().equals("GET")) {
            ex.getResponseHeaders().set("Location", "http://127.0.0.2:" + storage.getAddress().getPort() + REDIRECTED + path);
            ex.sendResponseHeaders(307, -1);
            ex.close();
            return;
        } else {
            target = upstream.resolve(path);
        }
        forward(ex, target, path);
    }

    private void forward(HttpExchange ex, URI target, String path) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(target).method(ex.getRequestMethod(),
                HttpRequest.BodyPublishers.ofByteArray(ex.getRequestBody().readAllBytes()));
        boolean toStorage = path.startsWith(REDIRECTED);
        ex.getRequestHeaders().forEach((k, vs) -> {
            String lower = k.toLowerCase(Locale.ROOT);
            if (!HOP_HEADERS.contains(lower) && !(toStorage && lower.equals("authorization"))) {
                vs.forEach(v -> b.header(k, v));
            }
        });
        HttpResponse<InputStream> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        r.headers().map().forEach((k, vs) -> {
            if (!HOP_HEADERS.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
                vs.forEach(v -> ex.getResponseHeaders().add(k, v));
            }
        });
        byte[] body;
        try (InputStream in = r.body()) {
            body = in.readAllBytes();
        }
        boolean head = ex.getRequestMethod().equals("HEAD");
        if (head || body.length == 0) {
            r.headers().firstValue("Content-Length").ifPresent(v -> ex.getResponseHeaders().set("Content-Length", v));
            ex.sendResponseHeaders(r.statusCode(), -1);
            ex.close();
            return;
        }
        String c = corrupt;
        if (c != null && path.contains(c) && r.statusCode() / 100 == 2) {
            body[body.length / 2] ^= 0x01;
        }
        String brk = breakOnce.get();
        boolean breakIt = brk != null && path.contains(brk) && r.statusCode() == 200 && breakOnce.compareAndSet(brk, null);
        ex.sendResponseHeaders(r.statusCode(), body.length);
        OutputStream out = ex.getResponseBody();
        if (breakIt) {
            out.write(body, 0, body.length / 2);
            out.flush();
            // leaving the handler with the body unfinished makes the server drop the connection
            throw new IOException("fault injected: connection broken after " + body.length / 2 + " bytes");
        }
        out.write(body);
        ex.close();
    }

    @Override
    public void close() {
        front.stop(0);
        storage.stop(0);
        client.close();
    }
}
