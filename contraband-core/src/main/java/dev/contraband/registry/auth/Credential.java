package dev.contraband.registry.auth;

/**
 * A user name with a password, or an identity token (a refresh token Docker's {@code config.json} and credential
 * helpers hand out, traded at the token endpoint). {@link #toString()} never shows the secret.
 */
public record Credential(String username, String secret, boolean identityToken) {
    public Credential {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("empty secret");
        }
    }

    public static Credential password(String username, String password) {
        return new Credential(username, password, false);
    }

    public static Credential identityToken(String token) {
        return new Credential(null, token, true);
    }

    @Override
    public String toString() {
        return identityToken ? "Credential[identity token]" : "Credential[" + username + ", password]";
    }
}
