package dev.contraband.cli;

import dev.contraband.image.ImageException;
import dev.contraband.registry.RegistrySettings;
import dev.contraband.registry.auth.Credential;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** Every flag about reaching registries, as a picocli mixin so other commands (catalog) can share it. */
final class RegistryOptions {
    @Option(names = {"-u", "--username"}, paramLabel = "USER",
            description = "User name for the registry (with --password-stdin or --password); otherwise Docker's config.json is used.")
    String username;

    @Option(names = "--password-stdin", description = "Read the password (or token) for --username from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "Password for --username; prefer --password-stdin, a password on the command line is visible to other users.")
    char[] password;

    @Option(names = "--docker-config", paramLabel = "DIR",
            description = "Folder of Docker's config.json (default: $DOCKER_CONFIG, else ~/.docker).")
    Path dockerConfig;

    @Option(names = "--ca-file", paramLabel = "PEM",
            description = "Also trust these CA certificates for registries over HTTPS (the system trust store stays).")
    Path caFile;

    @Option(names = "--plain-http",
            description = "Speak plain HTTP to the registry (loopback registries such as localhost:5000 use HTTP anyway).")
    boolean plainHttp;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Connect timeout, and the longest wait for data on a connection (read timeout, doubled) (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "4",
            description = "Retries on 429, 502, 503, 504 and broken connections, with backoff and jitter, honouring Retry-After (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--rate-limit", paramLabel = "PER_SECOND", defaultValue = "10",
            description = "At most this many requests a second to one registry; 0 for no limit (default: ${DEFAULT-VALUE}).")
    double rateLimit;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Keep pulled blobs in DIR (content-addressed, verified) so a rescan downloads nothing; off by default.")
    Path cacheDir;

    @Option(names = "--cache-size", paramLabel = "SIZE", defaultValue = "10GiB", converter = SizeConverter.class,
            description = "Bound of --cache-dir; least recently used blobs are removed beyond it (default: ${DEFAULT-VALUE}).")
    long cacheSize;

    /** The settings these flags describe; reads the password from standard input for --password-stdin. */
    RegistrySettings settings() throws IOException {
        return settings(System.in);
    }

    RegistrySettings settings(InputStream stdin) throws IOException {
        if (timeoutSeconds <= 0) {
            throw new ImageException("--timeout must be at least 1 second");
        }
        if (retries < 0) {
            throw new ImageException("--retries must be 0 or more");
        }
        if (rateLimit < 0 || Double.isNaN(rateLimit)) {
            throw new ImageException("--rate-limit must be 0 (no limit) or more");
        }
        Credential credential = null;
        if (passwordStdin && password != null) {
            throw new ImageException("--password and --password-stdin cannot be used together");
        }
        if ((passwordStdin || password != null) && username == null) {
            throw new ImageException("--password" + (passwordStdin ? "-stdin" : "") + " needs --username");
        }
        if (username != null) {
            String secret = passwordStdin ? firstLine(stdin) : password != null ? new String(password) : null;
            if (secret == null || secret.isEmpty()) {
                throw new ImageException("--username " + username + " needs a password: --password-stdin or --password");
            }
            credential = Credential.password(username, secret);
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        return new RegistrySettings(plainHttp, caFile, timeout, timeout.multipliedBy(2), retries, rateLimit,
                credential, dockerConfig, cacheDir, cacheSize, System.getenv());
    }

    private static String firstLine(InputStream stdin) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        String line = r.readLine();
        if (line == null) {
            throw new ImageException("--password-stdin: standard input is empty");
        }
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
