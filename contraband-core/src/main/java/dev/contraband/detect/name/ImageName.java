package dev.contraband.detect.name;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Docker image reference split into its parts and normalised the way the Docker client does:
 * {@code nginx} is {@code docker.io/library/nginx}, {@code bob/app:1} is {@code docker.io/bob/app}. Enough for judging
 * names; it does not resolve anything. A fuller reference parser belongs to the registry client.
 *
 * @param registry   the registry host, {@code docker.io} for Docker Hub (its other spellings are folded into it)
 * @param namespace  the path before the repository ({@code library} for one-part Docker Hub names); empty when a
 *                   non-Hub reference has a one-part path
 * @param repository the last path component
 * @param tag        the tag, or null
 * @param digest     the digest ({@code sha256:…}), or null
 */
public record ImageName(String registry, String namespace, String repository, String tag, String digest) {
    public static final String DOCKER_HUB = "docker.io";
    public static final String LIBRARY = "library";

    // Docker's own grammar (distribution/reference): lower-case alphanumerics joined by ".", "_", "__" or dashes.
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[A-Fa-f0-9]{32,}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(?::[0-9]+)?|\\[[0-9A-Fa-f:]+\\](?::[0-9]+)?");
    private static final List<String> HUB_ALIASES =
            List.of("docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com");

    public ImageName {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(repository, "repository");
    }

    /**
     * Parses a reference such as {@code nginx}, {@code bob/app:1.0}, {@code ghcr.io/org/team/app@sha256:…}.
     *
     * @throws IllegalArgumentException naming what is wrong, for a reference Docker would refuse
     */
    public static ImageName parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty image name");
        }
        String rest = text.strip();
        if (rest.length() > 255 + 128 + 80) {
            throw new IllegalArgumentException(quote(text) + ": too long");
        }
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                throw new IllegalArgumentException(quote(text) + ": invalid digest \"" + digest + "\"");
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException(quote(text) + ": invalid tag \"" + tag + "\"");
            }
        }
        List<String> parts = List.of(rest.split("/", -1));
        String registry = DOCKER_HUB;
        // As in Docker: the first component is a registry host only if it looks like one.
        if (parts.size() > 1 && (parts.getFirst().contains(".") || parts.getFirst().contains(":")
                || parts.getFirst().equals("localhost"))) {
            registry = parts.getFirst();
            if (!HOST.matcher(registry).matches()) {
                throw new IllegalArgumentException(quote(text) + ": invalid registry \"" + registry + "\"");
            }
            registry = registry.toLowerCase(Locale.ROOT);
            parts = parts.subList(1, parts.size());
            if (HUB_ALIASES.contains(registry)) {
                registry = DOCKER_HUB;
            }
        }
        for (String part : parts) {
            if (!COMPONENT.matcher(part).matches()) {
                throw new IllegalArgumentException(quote(text) + ": invalid path component \"" + part + "\""
                        + (part.chars().anyMatch(Character::isUpperCase) ? " (names must be lower-case)"
                        : part.isEmpty() ? " (empty)" : " (only a-z, 0-9 and the separators . _ - are allowed)"));
            }
        }
        String repository = parts.getLast();
        String namespace = String.join("/", parts.subList(0, parts.size() - 1));
        if (registry.equals(DOCKER_HUB) && namespace.isEmpty()) {
            namespace = LIBRARY;
        }
        return new ImageName(registry, namespace, repository, tag, digest);
    }

    public boolean onDockerHub() {
        return registry.equals(DOCKER_HUB);
    }

    /** {@code namespace/repository}, or the repository alone when there is no namespace. */
    public String path() {
        return namespace.isEmpty() ? repository : namespace + "/" + repository;
    }

    /** The repository's full name without tag or digest: {@code docker.io/library/nginx}. */
    public String canonical() {
        return registry + "/" + path();
    }

    @Override
    public String toString() {
        return canonical() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
