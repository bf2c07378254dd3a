package dev.contraband.source;

import dev.contraband.image.ImageException;

import java.io.IOException;
import java.nio.file.Files;

/** Opens the {@link ImageSource} for a {@link Target}. */
public final class Sources {
    private Sources() {
    }

    public static ImageSource open(Target target) throws IOException {
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
            case Target.Registry t -> throw new ImageException(t.text()
                    + ": pulling from a registry is not supported by this build yet; save the image first "
                    + "(skopeo copy docker://REF docker-archive:FILE) and scan docker-archive:FILE");
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
