package dev.contraband.detect.name;

import java.util.List;

/**
 * The names impostors pose as: the official images and the trusted publishers' namespaces.
 *
 * @param origin where the set was read from, for messages ("built-in, 2026-08-21", or a file path)
 */
public record ReferenceSet(List<OfficialImage> officialImages, List<Publisher> publishers, String origin) {
    public ReferenceSet {
        officialImages = List.copyOf(officialImages);
        publishers = List.copyOf(publishers);
    }

    public int repositoryCount() {
        return publishers.stream().mapToInt(p -> p.repositories().size()).sum();
    }
}
