package dev.contraband.source;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the user asked to scan, parsed from {@code docker-archive:PATH[:TAG]}, {@code oci:DIR[:REF]},
 * {@code oci-archive:FILE[:REF]}, {@code dir:PATH} or a registry reference.
 */
public sealed interface Target {
    /** The text the user gave, for messages. */
    String text();

    record DockerArchive(String text, Path path, String ref) implements Target {
    }

    record OciLayout(String text, Path path, String ref) implements Target {
    }

    record OciArchive(String text, Path path, String ref) implements Target {
    }

    record Dir(String text, Path path) implements Target {
    }

    record Registry(String text, String reference) implements Target {
    }

    static Target parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty target");
        }
        int colon = text.indexOf(':');
        String scheme = colon < 0 ? "" : text.substring(0, colon);
        String rest = colon < 0 ? text : text.substring(colon + 1);
        return switch (scheme) {
            case "docker-archive" -> {
                TargetSyntax.PathAndRef p = TargetSyntax.splitPathAndRef(rest, text);
                yield new DockerArchive(text, p.path(), p.ref());
            }
            case "oci" -> {
                TargetSyntax.PathAndRef p = TargetSyntax.splitPathAndRef(rest, text);
                yield new OciLayout(text, p.path(), p.ref());
            }
            case "oci-archive" -> {
                TargetSyntax.PathAndRef p = TargetSyntax.splitPathAndRef(rest, text);
                yield new OciArchive(text, p.path(), p.ref());
            }
            case "dir" -> {
                TargetSyntax.requirePath(rest, text);
                yield new Dir(text, Path.of(rest));
            }
            case "registry", "docker" -> new Registry(text, rest.startsWith("//") ? rest.substring(2) : rest);
            default -> new Registry(text, text);
        };
    }
}
