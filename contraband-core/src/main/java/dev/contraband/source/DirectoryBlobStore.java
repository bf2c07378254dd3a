package dev.contraband.source;

import dev.contraband.image.ImageException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** An OCI layout folder. Paths never leave the folder. */
final class DirectoryBlobStore implements BlobStore {
    private final Path root;

    DirectoryBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    private Path resolve(String path) throws ImageException {
        Path p = root.resolve(path).normalize();
        if (!p.startsWith(root)) {
            throw new ImageException(path + ": path leaves the layout folder");
        }
        return p;
    }

    @Override
    public InputStream open(String path) throws IOException {
        Path p = resolve(path);
        if (!Files.isRegularFile(p)) {
            throw new ImageException(path + ": missing from " + root);
        }
        return Files.newInputStream(p);
    }

    @Override
    public boolean exists(String path) {
        try {
            return Files.isRegularFile(resolve(path), LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(resolve(path));
        } catch (ImageException e) {
            return false;
        }
    }

    @Override
    public void close() {
    }
}
