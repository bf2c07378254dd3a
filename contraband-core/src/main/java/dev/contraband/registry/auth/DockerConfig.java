package dev.contraband.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contraband.registry.RegistryException;
import dev.contraband.registry.RegistryJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Docker's {@code config.json}: {@code auths} (base64 {@code user:password} in {@code auth}, or an
 * {@code identitytoken}), the default credential store {@code credsStore} and per-registry {@code credHelpers}.
 */
public record DockerConfig(Path file, Map<String, JsonNode> auths, String credsStore, Map<String, String> credHelpers) {
    public static final DockerConfig EMPTY = new DockerConfig(null, Map.of(), null, Map.of());

    /**
     * The file Docker would read: {@code DIR/config.json} for an explicit folder, else {@code $DOCKER_CONFIG}, else
     * {@code ~/.docker}. A missing file is an empty config, as for Docker.
     */
    public static DockerConfig load(Path explicitDir, Map<String, String> env) throws IOException {
        Path dir = explicitDir != null ? explicitDir
                : env.get("DOCKER_CONFIG") != null ? Path.of(env.get("DOCKER_CONFIG"))
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".docker");
        Path file = Files.isRegularFile(dir) ? dir : dir.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        JsonNode root = RegistryJson.parseObject(Files.readAllBytes(file), file.toString());
        Map<String, JsonNode> auths = new LinkedHashMap<>();
        root.path("auths").properties().forEach(e -> auths.put(e.getKey(), e.getValue()));
        Map<String, String> helpers = new LinkedHashMap<>();
        root.path("credHelpers").properties().forEach(e -> helpers.put(e.getKey(), e.getValue().asText()));
        return new DockerConfig(file, Map.copyOf(auths), RegistryJson.text(root, "credsStore"), Map.copyOf(helpers));
    }

    /** The helper named for this registry in {@code credHelpers}. */
    public Optional<String> helperFor(String registry) {
        return credHelpers.entrySet().stream().filter(e -> RegistryKeys.matches(e.getKey(), registry))
                .map(Map.Entry::getValue).filter(s -> !s.isBlank()).findFirst();
    }

    /** The credential stored inline in {@code auths}. */
    public Optional<Credential> inline(String registry) throws RegistryException {
        for (Map.Entry<String, JsonNode> e : auths.entrySet()) {
            if (!RegistryKeys.matches(e.getKey(), registry)) {
                continue;
            }
            String token = RegistryJson.text(e.getValue(), "identitytoken");
            if (token != null && !token.isEmpty()) {
                return Optional.of(Credential.identityToken(token));
            }
            String auth = RegistryJson.text(e.getValue(), "auth");
            if (auth != null && !auth.isEmpty()) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(auth.trim()), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IllegalArgumentException bad) {
                    throw new RegistryException(file + ": auths." + e.getKey() + ".auth is not base64");
                }
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw new RegistryException(file + ": auths." + e.getKey() + ".auth is not user:password");
                }
                return Optional.of(Credential.password(decoded.substring(0, colon), decoded.substring(colon + 1)));
            }
        }
        return Optional.empty();
    }
}
