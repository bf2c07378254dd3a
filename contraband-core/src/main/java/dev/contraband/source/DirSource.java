package dev.contraband.source;

import dev.contraband.io.ChunkPipe;
import dev.contraband.image.Image;
import dev.contraband.image.ImageConfig;
import dev.contraband.image.ImageException;
import dev.contraband.image.LayerDescriptor;
import dev.contraband.image.Platform;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A root filesystem folder ({@code dir:PATH}) as an image of one layer. The layer is the tar contraband writes of
 * the folder while it is read (sorted, links recorded and never followed), so folders go through the same layer
 * walker as every other source; its digest is that tar's sha256. Sockets and device files carry no content and
 * are left out.
 */
final class DirSource implements ImageSource {
    private final Path root;
    private final String describe;

    DirSource(Path root, String describe) throws ImageException {
        if (!Files.isDirectory(root)) {
            throw new ImageException(describe + ": no such directory");
        }
        this.root = root;
        this.describe = describe;
    }

    @Override
    public List<Image> images(PlatformSelection selection) {
        Platform platform = selection.explicit() ? selection.wanted() : Platform.LINUX_AMD64;
        ImageConfig config = ImageConfig.empty(platform, List.of());
        LayerDescriptor layer = new LayerDescriptor(0, null, null, MediaTypes.OCI_LAYER, -1, null);
        return List.of(new Image(null, null, config, List.of(layer),
                l -> ChunkPipe.produce(this::writeTar, "dir-tar")));
    }

    private void writeTar(OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out, 512)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            write(tar, root);
            tar.finish();
        }
    }

    private void write(TarArchiveOutputStream tar, Path dir) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        } catch (IOException e) {
            throw new ImageException(describe + ": cannot list " + dir + " (" + e.getMessage() + ")");
        }
        for (Path p : children) {
            String name = root.relativize(p).toString().replace('\\', '/');
            BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Map<String, Object> unix = unixAttributes(p);
            TarArchiveEntry entry;
            if (attrs.isSymbolicLink()) {
                entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                entry.setLinkName(Files.readSymbolicLink(p).toString());
            } else if (attrs.isDirectory()) {
                entry = new TarArchiveEntry(name + "/");
            } else if (attrs.isRegularFile()) {
                entry = new TarArchiveEntry(name);
                entry.setSize(attrs.size());
            } else {
                continue;
            }
            if (unix != null) {
                entry.setMode(((Number) unix.get("mode")).intValue() & 07777);
                entry.setUserId(((Number) unix.get("uid")).longValue());
                entry.setGroupId(((Number) unix.get("gid")).longValue());
            }
            entry.setModTime(attrs.lastModifiedTime());
            tar.putArchiveEntry(entry);
            if (attrs.isRegularFile()) {
                try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                    long copied = in.transferTo(tar);
                    if (copied != attrs.size()) {
                        throw new ImageException(describe + ": " + name + " changed size while being read");
                    }
                } catch (ImageException e) {
                    throw e;
                } catch (IOException e) {
                    throw new ImageException(describe + ": cannot read " + name + " (" + e.getMessage() + ")");
                }
            }
            tar.closeArchiveEntry();
            if (attrs.isDirectory()) {
                write(tar, p);
            }
        }
    }

    private static Map<String, Object> unixAttributes(Path p) {
        try {
            return Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public void close() {
    }

}
