package dev.contraband.registry.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials the way Docker finds them in {@code config.json}: the registry's {@code credHelpers} entry, else the
 * {@code credsStore}, else the inline {@code auths} entry (also when the store has nothing: that is where
 * {@code docker login} without a store writes).
 */
public final class DockerCredentials {
    private DockerCredentials() {
    }

    public static CredentialRetriever from(DockerConfig config, Map<String, String> env) {
        String path = env.get("PATH");
        CredentialRetriever helper = registry -> {
            Optional<String> name = config.helperFor(registry);
            return name.isPresent() ? new CredentialHelper(name.get(), path).get(registry) : Optional.empty();
        };
        CredentialRetriever store = registry -> config.credsStore() == null || config.credsStore().isBlank()
                ? Optional.empty() : new CredentialHelper(config.credsStore(), path).get(registry);
        return CredentialRetriever.chain(List.of(helper, store, config::inline));
    }
}
