package dev.contraband.sample;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a layer tar in memory, entry by entry, with fixed timestamps so the same calls give the same bytes. For
 * the demo's sample images and for tests; whiteouts and opaque folders are written as OCI specifies.
 */
public final class LayerBuilder {
    private static final FileTime EPOCH = FileTime.fromMillis(1_700_000_000_000L);

    private record Entry(String name, byte type, byte[] content, int mode, long uid, long gid, String link) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public static LayerBuilder create() {
        return new LayerBuilder();
    }

    public LayerBuilder dir(String path) {
        entries.add(new Entry(strip(path) + "/", TarConstants.LF_DIR, null, 0755, 0, 0, null));
        return this;
    }

    public LayerBuilder file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    public LayerBuilder file(String path, byte[] content, int mode) {
        return file(path, content, mode, 0, 0);
    }

    public LayerBuilder file(String path, byte[] content, int mode, long uid, long gid) {
        entries.add(new Entry(strip(path), TarConstants.LF_NORMAL, content, mode, uid, gid, null));
        return this;
    }

    public LayerBuilder symlink(String path, String target) {
        entries.add(new Entry(strip(path), TarConstants.LF_SYMLINK, null, 0777, 0, 0, target));
        return this;
    }

    public LayerBuilder hardlink(String path, String target) {
        entries.add(new Entry(strip(path), TarConstants.LF_LINK, null, 0644, 0, 0, strip(target)));
        return this;
    }

    /** Deletes {@code path} from the layers below. */
    public LayerBuilder whiteout(String path) {
        String p = strip(path);
        int slash = p.lastIndexOf('/');
        String name = slash < 0 ? ".wh." + p : p.substring(0, slash + 1) + ".wh." + p.substring(slash + 1);
        entries.add(new Entry(name, TarConstants.LF_NORMAL, new byte[0], 0644, 0, 0, null));
        return this;
    }

    /** Hides everything the layers below have in folder {@code dir}. */
    public LayerBuilder opaque(String dir) {
        String d = strip(dir);
        entries.add(new Entry((d.isEmpty() ? "" : d + "/") + ".wh..wh..opq", TarConstants.LF_NORMAL, new byte[0],
                0644, 0, 0, null));
        return this;
    }

    /** The uncompressed tar. */
    public byte[] tar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry te = new TarArchiveEntry(e.name, e.type);
                te.setMode(e.mode);
                te.setUserId(e.uid);
                te.setGroupId(e.gid);
                te.setModTime(EPOCH);
                if (e.link != null) {
                    te.setLinkName(e.link);
                }
                if (e.content != null) {
                    te.setSize(e.content.length);
                }
                tar.putArchiveEntry(te);
                if (e.content != null) {
                    tar.write(e.content);
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String strip(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
