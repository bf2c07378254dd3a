package dev.contraband.detect;

/**
 * A file as a layer records it: absolute normalised path, type, permission bits (with setuid, setgid and sticky),
 * owner and size. Links are recorded with their target and never followed.
 */
public record FileEntry(String path, Type type, int mode, long uid, long gid, long size, String linkTarget) {
    public enum Type { FILE, DIRECTORY, SYMLINK, HARDLINK, CHAR_DEVICE, BLOCK_DEVICE, FIFO, OTHER }

    public static final int SETUID = 04000;
    public static final int SETGID = 02000;

    public boolean isRegularFile() {
        return type == Type.FILE;
    }

    public boolean isSetuid() {
        return (mode & SETUID) != 0;
    }

    public boolean isSetgid() {
        return (mode & SETGID) != 0;
    }

    public boolean isExecutable() {
        return (mode & 0111) != 0;
    }

    /** The last path element. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return path.substring(slash + 1);
    }

    /** The folder holding this entry, "/" for top-level entries. */
    public String parent() {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
