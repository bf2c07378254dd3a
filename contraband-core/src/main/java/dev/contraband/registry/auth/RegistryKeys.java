package dev.contraband.registry.auth;

import java.util.Locale;
import java.util.Set;

/**
 * How Docker names registries in {@code config.json}: Docker Hub as {@code https://index.docker.io/v1/}, others by
 * host[:port], sometimes with a scheme or path (old {@code docker login} versions).
 */
final class RegistryKeys {
    static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";
    private static final Set<String> HUB_HOSTS = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

    private RegistryKeys() {
    }

    /** The host[:port] of a {@code config.json} key, lowercased. */
    static String host(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        int scheme = k.indexOf("://");
        if (scheme >= 0) {
            k = k.substring(scheme + 3);
        }
        int slash = k.indexOf('/');
        return slash >= 0 ? k.substring(0, slash) : k;
    }

    static boolean matches(String key, String registry) {
        String h = host(key);
        String r = registry.toLowerCase(Locale.ROOT);
        return h.equals(r) || HUB_HOSTS.contains(h) && HUB_HOSTS.contains(r);
    }

    /** What Docker passes to a credential helper for this registry. */
    static String serverUrl(String registry) {
        return HUB_HOSTS.contains(registry.toLowerCase(Locale.ROOT)) ? DOCKER_HUB_KEY : registry;
    }
}
