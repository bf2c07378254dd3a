package dev.contraband.registry.auth;

import dev.contraband.registry.RegistryException;
import dev.contraband.registry.transport.HttpTransport;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Authorization} header for one registry. Nothing is sent until the registry asks (401 with
 * {@code WWW-Authenticate}); from then on each request carries Basic credentials or the cached bearer token of its
 * scope, and a token that has expired is fetched again. Credentials are looked up once, when first needed.
 */
public final class Authenticator {
    private final String registry;
    private final CredentialRetriever credentials;
    private final TokenCache tokens;
    private final TokenFetcher fetcher;
    private volatile Challenge challenge;
    private Optional<Credential> credential;

    public Authenticator(String registry, CredentialRetriever credentials, TokenCache tokens, HttpTransport http) {
        this.registry = registry;
        this.credentials = credentials;
        this.tokens = tokens;
        this.fetcher = new TokenFetcher(http);
    }

    private synchronized Optional<Credential> credential() throws IOException {
        if (credential == null) {
            credential = credentials.retrieve(registry);
        }
        return credential;
    }

    /** The header for a request in {@code scope}, or empty while the registry has not asked for any. */
    public Optional<String> header(String scope) throws IOException {
        Challenge c = challenge;
        if (c == null) {
            return Optional.empty();
        }
        if (c.isBasic()) {
            return credential().filter(cr -> !cr.identityToken()).map(TokenFetcher::basic);
        }
        Optional<TokenCache.Token> cached = tokens.get(registry, scope);
        if (cached.isPresent()) {
            return Optional.of("Bearer " + cached.get().value());
        }
        return Optional.of(bearer(c, scope, scope));
    }

    private String bearer(Challenge c, String askFor, String cacheAs) throws IOException {
        TokenCache.Token token = fetcher.fetch(registry, c, askFor, credential(), tokens.clock().instant());
        tokens.put(registry, cacheAs, token);
        return "Bearer " + token.value();
    }

    /**
     * The registry answered 401: remembers its challenge, forgets the token of the scope, and returns the header to
     * try again with.
     */
    public String challenged(List<String> wwwAuthenticate, String scope) throws IOException {
        List<Challenge> all = wwwAuthenticate.stream().flatMap(h -> Challenge.parse(h).stream()).toList();
        Challenge c = all.stream().filter(Challenge::isBearer).findFirst()
                .orElseGet(() -> all.stream().filter(Challenge::isBasic).findFirst().orElse(null));
        if (c == null) {
            throw new RegistryException("authentication failed for " + registry + " (no supported WWW-Authenticate challenge)");
        }
        challenge = c;
        tokens.invalidate(registry, scope);
        if (c.isBasic() && credential().filter(cr -> !cr.identityToken()).isEmpty()) {
            throw new RegistryException("authentication required for " + registry
                    + " (give --username with --password-stdin, or docker login)");
        }
        return c.isBasic() ? header(scope).orElseThrow() : bearer(c, scopeFor(c, scope), scope);
    }

    /** The scope the challenge names, else ours (Docker Hub names it; some registries do not). */
    private static String scopeFor(Challenge c, String scope) {
        String told = c.param("scope");
        return told != null && !told.isBlank() ? told : scope;
    }
}
