package dev.contraband.registry;

import dev.contraband.image.Digest;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image reference as Docker reads it (the distribution/reference grammar): {@code [DOMAIN/]PATH[:TAG][@DIGEST]}.
 * A first path part is a registry only when it holds a dot or a colon or is {@code localhost} (or an IPv6 literal);
 * otherwise the registry is {@code docker.io} and one-part names get {@code library/}. Without tag and digest the tag
 * is {@code latest}; with a digest the digest is what is pulled.
 *
 * @param registry   the registry as the user names it ({@code docker.io}, {@code 127.0.0.1:5000}); see {@link #apiHost()}
 * @param repository the repository path, e.g. {@code library/nginx}
 * @param tag        the tag, or null when only a digest was given
 * @param digest     the digest, or null
 */
public record Reference(String registry, String repository, String tag, Digest digest) {
    public static final String DOCKER_HUB = "docker.io";
    /** Where Docker Hub's registry API is served. */
    public static final String DOCKER_HUB_API = "registry-1.docker.io";
    private static final int MAX_NAME_LENGTH = 255;

    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
                    + "|\\[[a-fA-F0-9:]+])(?::[0-9]+)?");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
    private static final Pattern HEX64 = Pattern.compile("[a-f0-9]{64}");

    /** Parses a reference; throws {@link IllegalArgumentException} saying which part is wrong. */
    public static Reference parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("invalid reference: empty");
        }
        String rest = text;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            String d = rest.substring(at + 1);
            if (!DIGEST.matcher(d).matches()) {
                throw invalid(text, "digest \"" + d + "\" is not ALGORITHM:HEX");
            }
            try {
                digest = Digest.parse(d);
            } catch (IllegalArgumentException e) {
                throw invalid(text, "digest \"" + d + "\" is not a sha256 or sha512 digest");
            }
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            if (!TAG.matcher(tag).matches()) {
                throw invalid(text, "tag \"" + tag + "\" is invalid (letters, digits, _ . -, at most 128, not starting with . or -)");
            }
            rest = rest.substring(0, colon);
        }
        if (rest.isEmpty()) {
            throw invalid(text, "the repository name is missing");
        }
        String domain;
        String path;
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        if (slash < 0 || !first.contains(".") && !first.contains(":") && !first.equals("localhost")
                && !first.startsWith("[") && first.toLowerCase(Locale.ROOT).equals(first)) {
            domain = DOCKER_HUB;
            path = rest;
        } else {
            domain = first;
            path = rest.substring(slash + 1);
            if (!DOMAIN.matcher(domain).matches()) {
                throw invalid(text, "registry \"" + domain + "\" is not a host name with an optional :port");
            }
        }
        if (domain.equals("index.docker.io")) {
            domain = DOCKER_HUB;
        }
        if (domain.equals(DOCKER_HUB) && !path.contains("/")) {
            path = "library/" + path;
        }
        if (!path.toLowerCase(Locale.ROOT).equals(path)) {
            throw invalid(text, "repository name \"" + path + "\" must be lowercase");
        }
        for (String component : path.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                throw invalid(text, component.isEmpty() ? "repository name \"" + path + "\" has an empty path component"
                        : "repository path component \"" + component + "\" is invalid (lowercase letters, digits, "
                        + "separated by . _ __ or -)");
            }
        }
        if (HEX64.matcher(path).matches() || path.startsWith("library/") && HEX64.matcher(path.substring(8)).matches()) {
            throw invalid(text, "a 64-character hexadecimal string is an image id, not a repository name");
        }
        if ((domain + "/" + path).length() > MAX_NAME_LENGTH) {
            throw invalid(text, "repository name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new Reference(domain, path, tag, digest);
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("invalid reference \"" + text + "\": " + why);
    }

    /** The host (and port) the registry API is served at. */
    public String apiHost() {
        return registry.equals(DOCKER_HUB) ? DOCKER_HUB_API : registry;
    }

    /** What to ask the manifest endpoint for: the digest when there is one, else the tag. */
    public String manifestReference() {
        return digest != null ? digest.toString() : tag;
    }

    /** The same repository at another tag or digest. */
    public Reference withDigest(Digest d) {
        return new Reference(registry, repository, tag, d);
    }

    /** The fully qualified form, e.g. {@code docker.io/library/nginx:1.27}. */
    @Override
    public String toString() {
        return registry + "/" + repository + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }
}
