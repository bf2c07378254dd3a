package dev.contraband.registry;

import dev.contraband.registry.auth.Credential;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to reach registries. Loopback registries (localhost, 127.0.0.0/8, ::1) are spoken to over plain HTTP, as Docker
 * allows; others over HTTPS unless {@code plainHttp}.
 *
 * @param credential        from the command line ({@code --username}), tried before {@code config.json}; or null
 * @param dockerConfig      the folder (or file) of Docker's {@code config.json}; null for {@code $DOCKER_CONFIG} or ~/.docker
 * @param requestsPerSecond per registry; 0 for no limit
 * @param cacheDir          the blob cache folder, or null for none (then nothing is ever written to disk)
 * @param environment       where {@code DOCKER_CONFIG}, {@code HOME} and {@code PATH} (credential helpers) are read
 */
public record RegistrySettings(boolean plainHttp, Path caFile, Duration connectTimeout, Duration readTimeout,
                               int retries, double requestsPerSecond, Credential credential, Path dockerConfig,
                               Path cacheDir, long cacheMaxBytes, Map<String, String> environment) {
    public static final double DEFAULT_RATE = 10;
    public static final long DEFAULT_CACHE_BYTES = 10L << 30;

    public RegistrySettings {
        environment = Map.copyOf(environment);
    }

    public static RegistrySettings defaults() {
        return new RegistrySettings(false, null, Duration.ofSeconds(30), Duration.ofSeconds(60), 4, DEFAULT_RATE,
                null, null, null, DEFAULT_CACHE_BYTES, System.getenv());
    }

    public RegistrySettings withCredential(Credential c) {
        return new RegistrySettings(plainHttp, caFile, connectTimeout, readTimeout, retries, requestsPerSecond, c,
                dockerConfig, cacheDir, cacheMaxBytes, environment);
    }

    public RegistrySettings withDockerConfig(Path dir, Map<String, String> env) {
        return new RegistrySettings(plainHttp, caFile, connectTimeout, readTimeout, retries, requestsPerSecond,
                credential, dir, cacheDir, cacheMaxBytes, env);
    }

    public RegistrySettings withCache(Path dir, long maxBytes) {
        return new RegistrySettings(plainHttp, caFile, connectTimeout, readTimeout, retries, requestsPerSecond,
                credential, dockerConfig, dir, maxBytes, environment);
    }

    public RegistrySettings withRetries(int n) {
        return new RegistrySettings(plainHttp, caFile, connectTimeout, readTimeout, n, requestsPerSecond,
                credential, dockerConfig, cacheDir, cacheMaxBytes, environment);
    }

    @Override
    public String toString() {
        return "RegistrySettings[plainHttp=" + plainHttp + ", caFile=" + caFile + ", retries=" + retries
                + ", requestsPerSecond=" + requestsPerSecond + ", credential=" + (credential == null ? "none" : "given")
                + ", cacheDir=" + cacheDir + "]";
    }
}
