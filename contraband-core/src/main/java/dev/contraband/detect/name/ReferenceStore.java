package dev.contraband.detect.name;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Where the reference set comes from: the user's copy installed by {@code contraband names update} when there is
 * one, otherwise the set built into contraband. The user copy lives in {@code $XDG_DATA_HOME/contraband/} (the XDG
 * base-directory spec; a relative value is ignored, as the spec says) or else {@code ~/.local/share/contraband/}.
 */
public final class ReferenceStore {
    public static final String FILE_NAME = "reference-names.txt";
    private static final String OFFICIAL_RESOURCE = "official-images.txt";
    private static final String PUBLISHER_RESOURCE = "verified-publishers.txt";

    private final Path userFile;

    public ReferenceStore(Path userFile) {
        this.userFile = userFile;
    }

    /** The store of this user, from the environment and the home folder. */
    public static ReferenceStore standard() {
        return forEnvironment(System.getenv(), System.getProperty("user.home"));
    }

    static ReferenceStore forEnvironment(Map<String, String> env, String home) {
        String xdg = env.get("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(home, ".local", "share");
        return new ReferenceStore(data.resolve("contraband").resolve(FILE_NAME));
    }

    public Path userFile() {
        return userFile;
    }

    public boolean hasUserCopy() {
        return Files.isRegularFile(userFile);
    }

    /** The user's copy when present, otherwise the built-in set. */
    public ReferenceSet load() throws IOException {
        if (!hasUserCopy()) {
            return builtIn();
        }
        List<String> lines = Files.readAllLines(userFile, StandardCharsets.UTF_8);
        return ReferenceFiles.parseCombined(lines, userFile.toString());
    }

    /**
     * Replaces the reference set with the one in {@code from} (the one-file format), after checking it parses, and
     * returns it. The file is written to a temporary name and moved into place, so a failed update leaves the
     * previous set.
     */
    public ReferenceSet install(Path from) throws IOException {
        List<String> lines = Files.readAllLines(from, StandardCharsets.UTF_8);
        ReferenceSet parsed = ReferenceFiles.parseCombined(lines, from.toString());
        Files.createDirectories(userFile.getParent());
        Path tmp = Files.createTempFile(userFile.getParent(), ".reference-names-", ".tmp");
        try {
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, userFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new ReferenceSet(parsed.officialImages(), parsed.publishers(), userFile.toString());
    }

    /** Removes the user's copy, so the built-in set is used again; false when there was none. */
    public boolean reset() throws IOException {
        return Files.deleteIfExists(userFile);
    }

    /** The set shipped with contraband. */
    public static ReferenceSet builtIn() {
        try {
            List<String> official = resource(OFFICIAL_RESOURCE);
            List<String> publishers = resource(PUBLISHER_RESOURCE);
            String date = ReferenceFiles.headerDate(official);
            return new ReferenceSet(ReferenceFiles.parseOfficial(official, OFFICIAL_RESOURCE),
                    ReferenceFiles.parsePublishers(publishers, PUBLISHER_RESOURCE),
                    "built-in" + (date == null ? "" : ", " + date));
        } catch (IOException e) {
            // The resources are part of the jar; failing to read them is a broken build, not a user error.
            throw new UncheckedIOException("built-in reference names unreadable", e);
        }
    }

    private static List<String> resource(String name) throws IOException {
        try (InputStream in = ReferenceStore.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
