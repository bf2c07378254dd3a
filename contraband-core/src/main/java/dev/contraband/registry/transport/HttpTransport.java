package dev.contraband.registry.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * HTTP for registries: one {@link HttpClient}, redirects followed here (so {@code Authorization} is dropped when a
 * redirect leaves the host, as blob storage redirects do), retries per {@link RetryPolicy}, a rate limit per host,
 * and a read timeout on bodies. Knows nothing about registries or credentials.
 */
public final class HttpTransport implements AutoCloseable {
    private static final int MAX_REDIRECTS = 10;

    static {
        // java.net.http hands bodies over in 16 KiB buffers by default, one thread hand-off each; layers are tens of
        // megabytes, and 256 KiB buffers cut the hand-offs sixteenfold. Read once, when java.net.http initialises;
        // a value the user set is kept.
        if (System.getProperty("jdk.httpclient.bufsize") == null) {
            System.setProperty("jdk.httpclient.bufsize", String.valueOf(256 << 10));
        }
    }

    /** One request; headers are sent as given. */
    public record Request(String method, URI uri, Map<String, String> headers, byte[] body) {
        public Request {
            headers = Map.copyOf(headers);
        }

        public static Request get(URI uri, Map<String, String> headers) {
            return new Request("GET", uri, headers, null);
        }

        Request to(URI next, boolean keepAuthorization, String nextMethod) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            if (!keepAuthorization) {
                h.keySet().removeIf(k -> k.equalsIgnoreCase("Authorization"));
            }
            return new Request(nextMethod, next, h, nextMethod.equals("GET") ? null : body);
        }
    }

    /** Connection settings. {@code requestsPerSecond} of 0 means unlimited. */
    public record Settings(Duration connectTimeout, Duration readTimeout, RetryPolicy retry, double requestsPerSecond,
                           Path caFile) {
    }

    private final HttpClient plain;
    private volatile HttpClient tls;
    private final Settings settings;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdogs;

    public HttpTransport(Settings settings) throws IOException {
        this.settings = settings;
        if (settings.caFile() != null) {
            TlsContexts.create(settings.caFile()); // a bad --ca-file fails now, not at the first HTTPS request
        }
        this.plain = client(TlsContexts.none());
        this.watchdogs = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "contraband-read-timeout");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Sends, following redirects and retrying as the policy says; the body of the returned response must be closed.
     * Retryable statuses still returned after the last retry are returned as they are, for the caller to report.
     */
    public HttpResponse<InputStream> send(Request request) throws IOException {
        RetryPolicy retry = settings.retry();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<InputStream> response;
            try {
                response = followRedirects(request);
            } catch (IOException e) {
                if (attempt >= retry.retries() || !retry.retryable(e)) {
                    throw e;
                }
                retry.sleep(retry.delay(attempt, Optional.empty()));
                continue;
            }
            if (attempt < retry.retries() && retry.retryableStatus(response.statusCode())) {
                Duration wait = retry.delay(attempt, response.headers().firstValue("Retry-After"));
                discard(response);
                retry.sleep(wait);
                continue;
            }
            return response;
        }
    }

    private HttpResponse<InputStream> followRedirects(Request request) throws IOException {
        Request current = request;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<InputStream> response = once(current);
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (!isRedirect(status) || location.isEmpty()) {
                return response;
            }
            discard(response);
            URI next = current.uri().resolve(location.get());
            if (current.uri().getScheme().equals("https") && !next.getScheme().equals("https")) {
                throw new IOException(current.uri().getHost() + ": refusing a redirect from https to " + next.getScheme());
            }
            current = current.to(next, sameOrigin(current.uri(), next), status == 303 ? "GET" : current.method());
        }
        throw new IOException(request.uri().getHost() + ": more than " + MAX_REDIRECTS + " redirects");
    }

    private HttpClient client(javax.net.ssl.SSLContext ssl) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .sslContext(ssl)
                .build();
    }

    /**
     * The HTTPS client is made on first use: loading the system trust store costs a few hundred milliseconds of
     * start-up, which a scan of a loopback (plain HTTP) registry need not pay.
     */
    private HttpClient clientFor(URI uri) throws IOException {
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return plain;
        }
        HttpClient c = tls;
        if (c == null) {
            synchronized (this) {
                if (tls == null) {
                    tls = client(TlsContexts.create(settings.caFile()));
                }
                c = tls;
            }
        }
        return c;
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Credentials go only where they were meant for: same scheme, host and port. */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private HttpResponse<InputStream> once(Request r) throws IOException {
        limiters.computeIfAbsent(Objects.requireNonNull(r.uri().getAuthority()),
                h -> new RateLimiter(settings.requestsPerSecond())).acquire();
        HttpRequest.Builder b = HttpRequest.newBuilder(r.uri()).timeout(settings.readTimeout());
        r.headers().forEach(b::header);
        b.method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        try {
            HttpResponse<InputStream> response = clientFor(r.uri()).send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new TimedResponse(response, new ReadTimeoutInputStream(response.body(), settings.readTimeout(), watchdogs));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    private static void discard(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.skipNBytes(Math.min(64 << 10, Math.max(0, response.headers().firstValueAsLong("Content-Length").orElse(0))));
        } catch (IOException ignored) {
            // the connection is not reused then; nothing else depends on it
        }
    }

    @Override
    public void close() {
        watchdogs.shutdownNow();
        plain.close();
        HttpClient c = tls;
        if (c != null) {
            c.close();
        }
    }
}
