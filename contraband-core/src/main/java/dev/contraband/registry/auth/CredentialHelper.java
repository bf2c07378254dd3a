package dev.contraband.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contraband.registry.RegistryException;
import dev.contraband.registry.RegistryJson;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Asks the user's Docker credential helper, {@code docker-credential-NAME get}, found on the user's PATH, with the
 * server URL on stdin; it answers {@code {"Username": …, "Secret": …}}, the user name {@code <token>} meaning an
 * identity token. This is the only program contraband ever runs, and it is the user's own, never anything from an
 * image. Its stderr is not shown, since helpers may echo what they were given.
 */
public final class CredentialHelper {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final long TIMEOUT_SECONDS = 60;
    private final String name;
    private final List<Path> searchPath;

    public CredentialHelper(String name, String pathVariable) throws RegistryException {
        if (!NAME.matcher(name).matches()) {
            throw new RegistryException("credential helper name \"" + name + "\" is invalid");
        }
        this.name = name;
        this.searchPath = pathVariable == null ? List.of()
                : java.util.Arrays.stream(pathVariable.split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    public String program() {
        return "docker-credential-" + name;
    }

    public Optional<Credential> get(String registry) throws IOException {
        Path exe = searchPath.stream().map(d -> d.resolve(program())).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new RegistryException("credential helper " + program() + " not found on PATH"));
        Process p = new ProcessBuilder(exe.toString(), "get").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(RegistryKeys.serverUrl(registry).getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readNBytes(1 << 20);
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new RegistryException(program() + " did not answer within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for " + program());
        }
        if (p.exitValue() != 0) {
            // helpers print "credentials not found in native keychain" and exit 1 when they have nothing
            String said = new String(out, StandardCharsets.UTF_8);
            if (said.toLowerCase(java.util.Locale.ROOT).contains("not found")) {
                return Optional.empty();
            }
            throw new RegistryException(program() + " get failed with exit code " + p.exitValue());
        }
        JsonNode answer = RegistryJson.parseObject(out, program() + " get");
        String user = RegistryJson.text(answer, "Username");
        String secret = RegistryJson.text(answer, "Secret");
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("<token>".equals(user) ? Credential.identityToken(secret) : Credential.password(user, secret));
    }
}
