package dev.contraband.pattern;

import com.gliwka.hyperscan.jni.hs_database_t;
import dev.contraband.image.Digest;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static com.gliwka.hyperscan.jni.hyperscan.HS_SUCCESS;
import static com.gliwka.hyperscan.jni.hyperscan.hs_deserialize_database;
import static com.gliwka.hyperscan.jni.hyperscan.hs_serialize_database;
import static com.gliwka.hyperscan.jni.hyperscan.hs_version;

/**
 * Compiled Hyperscan databases kept between runs: compiling a few hundred rules takes about a second, loading the
 * serialised form a few milliseconds. The key is the sha256 of the Hyperscan version, the mode and every pattern
 * with its flags, so any rule change compiles afresh. The cache lives in {@code $CONTRABAND_CACHE_DIR}, else
 * {@code $XDG_CACHE_HOME/contraband}, else {@code ~/.cache/contraband}; a file that does not load (another CPU,
 * damage) is compiled again and replaced, and an unwritable folder only means no cache. It holds compiled rules
 * only, never anything from an image.
 */
final class DatabaseCache {
    private DatabaseCache() {
    }

    static String key(List<String> patterns, int flags, int mode) {
        StringBuilder s = new StringBuilder(hs_version().getString()).append('\0').append(mode).append('\0').append(flags);
        for (String p : patterns) {
            s.append('\0').append(p);
        }
        return Digest.sha256Of(s.toString().getBytes(StandardCharsets.UTF_8)).hex();
    }

    static Path folder() {
        String explicit = System.getenv("CONTRABAND_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit, "hyperscan");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("contraband").resolve("hyperscan");
    }

    /** The cached database for {@code key}, or null. */
    static hs_database_t load(String key) {
        Path file = folder().resolve(key + ".hsdb");
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            BytePointer native_ = new BytePointer(bytes.length);
            native_.put(bytes, 0, bytes.length);
            PointerPointer<hs_database_t> db = new PointerPointer<>(1);
            db.put(0, (Pointer) null);
            int rc = hs_deserialize_database(native_, bytes.length, db);
            native_.close();
            return rc == HS_SUCCESS ? new hs_database_t(db.get(0)) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Keeps {@code database} under {@code key}; failures are ignored, the cache is an optimisation. */
    static void store(String key, hs_database_t database) {
        PointerPointer<BytePointer> bytes = new PointerPointer<>(1);
        SizeTPointer length = new SizeTPointer(1);
        if (hs_serialize_database(database, bytes, length) != HS_SUCCESS) {
            return;
        }
        BytePointer serialized = new BytePointer(bytes.get(0));
        try {
            byte[] out = new byte[(int) length.get()];
            serialized.capacity(out.length).get(out);
            Path folder = folder();
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, key, ".tmp");
            Files.write(tmp, out);
            Files.move(tmp, folder.resolve(key + ".hsdb"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // no cache this time
        } finally {
            Pointer.free(serialized);
        }
    }
}
