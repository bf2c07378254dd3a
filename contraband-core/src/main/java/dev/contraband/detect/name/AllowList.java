package dev.contraband.detect.name;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Names never to report, such as a company's mirrors of official images. One entry a line, {@code #} comments:
 * a repository ({@code mirror.example.com/library/nginx}, {@code myorg/nginx}; tags are ignored) or every repository
 * under a prefix ({@code myorg/*}, {@code mirror.example.com/*}, {@code mirror.example.com/library/*}). Entries are
 * normalised like image names, so {@code nginx} means {@code docker.io/library/nginx}.
 */
public final class AllowList {
    public static final AllowList EMPTY = new AllowList(List.of(), List.of());

    private final List<String> repositories;
    private final List<String> prefixes;

    private AllowList(List<String> repositories, List<String> prefixes) {
        this.repositories = List.copyOf(repositories);
        this.prefixes = List.copyOf(prefixes);
    }

    public static AllowList read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /** @throws ReferenceFileException naming the line of an entry that is not a name */
    public static AllowList parse(List<String> lines, String source) throws ReferenceFileException {
        List<String> repositories = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                if (entry.endsWith("/*")) {
                    prefixes.add(prefix(entry.substring(0, entry.length() - 2)));
                } else {
                    repositories.add(ImageName.parse(entry).canonical());
                }
            } catch (IllegalArgumentException e) {
                throw new ReferenceFileException(source + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return new AllowList(repositories, prefixes);
    }

    public boolean allows(ImageName name) {
        String canonical = name.canonical();
        return repositories.contains(canonical) || prefixes.stream().anyMatch(canonical::startsWith);
    }

    public int size() {
        return repositories.size() + prefixes.size();
    }

    // "myorg" is the Docker Hub namespace myorg, "mirror.example.com" a whole registry, "mirror.example.com/library"
    // a namespace on it; parsing "PREFIX/x" tells which, since a registry host is recognised the way Docker does.
    private static String prefix(String entry) {
        ImageName probe = ImageName.parse(entry + "/x");
        boolean registryOnly = !entry.contains("/")
                && (entry.contains(".") || entry.contains(":") || entry.equals("localhost"));
        if (registryOnly) {
            return probe.registry() + "/";
        }
        return probe.registry() + "/" + (probe.namespace().isEmpty() ? "" : probe.namespace() + "/");
    }
}
