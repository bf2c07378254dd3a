package dev.contraband.registry;

import dev.contraband.image.Digest;
import dev.contraband.registry.auth.Authenticator;
import dev.contraband.registry.auth.CredentialRetriever;
import dev.contraband.registry.auth.DockerConfig;
import dev.contraband.registry.auth.DockerCredentials;
import dev.contraband.registry.auth.TokenCache;
import dev.contraband.registry.transport.HttpTransport;
import dev.contraband.registry.transport.RetryPolicy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one public front of the registry client (OCI distribution, pull side): manifests, blobs and listings of any
 * registry {@code docker pull} can reach. Each endpoint is its own small class; this one keeps the per-registry
 * state (authenticator, token cache, rate limit) and the optional blob cache.
 */
public final class RegistryClient implements AutoCloseable {
    /** Broken blob downloads are resumed this many times before the layer fails. */
    static final int MAX_RESUMES = 8;
    private final RegistrySettings settings;
    private final HttpTransport http;
    private final CredentialRetriever credentials;
    private final TokenCache tokens;
    private final BlobCache cache;
    private final Map<String, RegistryHttp> registries = new ConcurrentHashMap<>();

    private RegistryClient(RegistrySettings settings, HttpTransport http, CredentialRetriever credentials,
                           BlobCache cache) {
        this.settings = settings;
        this.http = http;
        this.credentials = credentials;
        this.tokens = new TokenCache(Clock.systemUTC());
        this.cache = cache;
    }

    /** Credentials: the explicit one of the settings, then Docker's {@code config.json} (helpers, store, auths). */
    public static RegistryClient create(RegistrySettings settings) throws IOException {
        List<CredentialRetriever> chain = new ArrayList<>();
        if (settings.credential() != null) {
            chain.add(registry -> Optional.of(settings.credential()));
        }
        chain.add(lazyDockerConfig(settings));
        HttpTransport http = new HttpTransport(new HttpTransport.Settings(settings.connectTimeout(),
                settings.readTimeout(), RetryPolicy.of(settings.retries()), settings.requestsPerSecond(),
                settings.caFile()));
        BlobCache cache = settings.cacheDir() == null ? null : new BlobCache(settings.cacheDir(), settings.cacheMaxBytes());
        return new RegistryClient(settings, http, CredentialRetriever.chain(chain), cache);
    }

    /** config.json is read only when a registry asks for credentials: anonymous pulls never touch it. */
    private static CredentialRetriever lazyDockerConfig(RegistrySettings s) {
        return registry -> DockerCredentials.from(DockerConfig.load(s.dockerConfig(), s.environment()), s.environment())
                .retrieve(registry);
    }

    private RegistryHttp registry(Reference ref) {
        return registries.computeIfAbsent(ref.registry(), r -> new RegistryHttp(r,
                Endpoints.base(ref.apiHost(), settings.plainHttp()), http,
                new Authenticator(r, credentials, tokens, http)));
    }

    /** The manifest or index a reference names (its digest when it has one, else its tag), verified. */
    public Manifest manifest(Reference ref) throws IOException {
        if (cache != null && ref.digest() == null) {
            Optional<Digest> pointed = ManifestEndpoint.head(registry(ref), ref);
            if (pointed.isPresent()) {
                Optional<byte[]> cached = cachedManifest(pointed.get());
                if (cached.isPresent()) {
                    return new Manifest(cached.get(), null, pointed.get());
                }
            }
        }
        return manifest(ref, ref.digest());
    }

    /** A manifest or index by digest (the entries of an index), verified. */
    public Manifest manifest(Reference ref, Digest digest) throws IOException {
        if (cache != null && digest != null) {
            Optional<byte[]> cached = cachedManifest(digest);
            if (cached.isPresent()) {
                return new Manifest(cached.get(), null, digest);
            }
        }
        Manifest m = ManifestEndpoint.get(registry(ref), ref, digest != null ? digest.toString() : ref.tag(), digest);
        if (cache != null) {
            try (InputStream in = cache.store(m.digest(), new ByteArrayInputStream(m.bytes()))) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        return m;
    }

    private Optional<byte[]> cachedManifest(Digest d) throws IOException {
        Optional<InputStream> in = cache.open(d);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream s = in.get()) {
            bytes = s.readNBytes(RegistryHttp.MAX_SMALL + 1);
        }
        return ManifestEndpoint.hash(bytes, d.algorithm()).equals(d) ? Optional.of(bytes) : Optional.empty();
    }

    /** A small blob (an image config) read whole and verified. */
    public byte[] smallBlob(Reference ref, Digest digest, String what) throws IOException {
        if (cache != null) {
            Optional<byte[]> cached = cachedManifest(digest);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        byte[] bytes = BlobEndpoint.readVerified(registry(ref), ref, digest, what);
        if (cache != null) {
            try (InputStream in = cache.store(digest, new ByteArrayInputStream(bytes))) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        return bytes;
    }

    /**
     * A blob's raw bytes as a stream, resumed with {@code Range} when the connection breaks; not verified here (the
     * layer walker hashes every byte it reads). From the cache when it has the blob.
     *
     * @param size the size from the manifest, or -1
     */
    public InputStream blob(Reference ref, Digest digest, long size) throws IOException {
        if (cache != null) {
            Optional<InputStream> cached = cache.open(digest);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        RegistryHttp r = registry(ref);
        InputStream in = new ResumingBlobStream(offset -> BlobEndpoint.open(r, ref, digest, offset), size, MAX_RESUMES,
                BlobEndpoint.subject(ref, digest));
        return cache == null ? in : cache.store(digest, in);
    }

    /** Every tag of the reference's repository. */
    public List<String> tags(Reference repository) throws IOException {
        return tags(repository, ListingEndpoint.PAGE_SIZE);
    }

    /** Every tag, asked {@code pageSize} at a time. */
    public List<String> tags(Reference repository, int pageSize) throws IOException {
        return ListingEndpoint.tags(registry(repository), repository, pageSize);
    }

    /** Every repository the registry lists in {@code /v2/_catalog} (Docker Hub does not offer it). */
    public List<String> catalog(String registry) throws IOException {
        return catalog(registry, ListingEndpoint.PAGE_SIZE);
    }

    public List<String> catalog(String registry, int pageSize) throws IOException {
        return ListingEndpoint.catalog(registry(Reference.parse(registry + "/x")), pageSize);
    }

    /** The transport, for other APIs of the same hosts (Docker Hub's namespace API). */
    HttpTransport transport() {
        return http;
    }

    @Override
    public void close() {
        http.close();
    }
}
