package dev.contraband.detect.name;

import java.util.List;

/**
 * A trusted Docker Hub namespace and the repositories in it that impostors copy. Every repository in the namespace
 * is trusted; only the listed ones are matched against other people's names.
 */
public record Publisher(String namespace, List<String> repositories) {
    public Publisher {
        repositories = List.copyOf(repositories);
    }
}
