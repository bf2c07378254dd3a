package dev.contraband.registry.auth;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** One place credentials may come from; empty when it has none for the registry. */
@FunctionalInterface
public interface CredentialRetriever {
    /** @param registry the registry as in the reference: {@code docker.io}, {@code 127.0.0.1:5000} */
    Optional<Credential> retrieve(String registry) throws IOException;

    /** The first retriever that has a credential wins. */
    static CredentialRetriever chain(List<CredentialRetriever> retrievers) {
        List<CredentialRetriever> copy = List.copyOf(retrievers);
        return registry -> {
            for (CredentialRetriever r : copy) {
                Optional<Credential> c = r.retrieve(registry);
                if (c.isPresent()) {
                    return c;
                }
            }
            return Optional.empty();
        };
    }

    CredentialRetriever NONE = registry -> Optional.empty();
}
