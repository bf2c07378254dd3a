package dev.contraband.registry.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens by registry and scope, dropped a little before they expire so a long layer download does not start
 * with a token about to die; an expired token is fetched again.
 */
public final class TokenCache {
    /** Tokens are renewed this long before their stated expiry. */
    static final Duration MARGIN = Duration.ofSeconds(10);
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public record Token(String value, Instant expires) {
        @Override
        public String toString() {
            return "Token[expires " + expires + "]";
        }
    }

    public TokenCache(Clock clock) {
        this.clock = clock;
    }

    private static String key(String registry, String scope) {
        return registry + " " + scope;
    }

    public Optional<Token> get(String registry, String scope) {
        Token t = tokens.get(key(registry, scope));
        if (t == null) {
            return Optional.empty();
        }
        if (!clock.instant().plus(MARGIN).isBefore(t.expires())) {
            tokens.remove(key(registry, scope), t);
            return Optional.empty();
        }
        return Optional.of(t);
    }

    public void put(String registry, String scope, Token token) {
        tokens.put(key(registry, scope), token);
    }

    public void invalidate(String registry, String scope) {
        tokens.remove(key(registry, scope));
    }

    Clock clock() {
        return clock;
    }
}
