package dev.contraband.source;

import dev.contraband.image.ImageException;
import dev.contraband.registry.RegistrySettings;

import java.io.IOException;
import java.nio.file.Files;

/** Opens the {@link ImageSource} for a {@link Target}. */
public final class Sources {
    private Sources() {
    }

    public static ImageSource open(Target target) throws IOException {
        return open(target, RegistrySettings.defaults());
    }

    /** @param registry how to reach registries, for registry references */
    public static ImageSource open(Target target, RegistrySettings registry) throws IOException {
        return switch (target) {
            case Target.DockerArchive t -> {
                requireFile(t.path(), t.text());
                yield new DockerArchiveSource(t.path(), t.ref(), t.text());
            }
            case Target.OciLayout t -> {
                if (!Files.isDirectory(t.path())) {
                    throw new ImageException(t.text() + ": no such directory " + t.path());
                }
                yield new OciLayoutSource(new DirectoryBlobStore(t.path()), t.ref(), t.text());
            }
            case Target.OciArchive t -> {
                requireFile(t.path(), t.text());
                yield new OciLayoutSource(new TarBlobStore(t.path()), t.ref(), t.text());
            }
            case Target.Dir t -> new DirSource(t.path(), t.text());
            case Target.Registry t -> RegistrySource.open(t.reference(), registry, t.text());
        };
    }

    private static void requireFile(java.nio.file.Path path, String text) throws ImageException {
        if (!Files.exists(path)) {
            throw new ImageException(text + ": no such file " + path);
        }
        if (!Files.isRegularFile(path)) {
            throw new ImageException(text + ": " + path + " is not a file");
        }
    }
}
