package dev.contraband.detect.miner;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/** The miner families of {@code miner-signatures.toml}: the strings that must agree in a binary. */
public final class MinerSignatures {
    /** One family, such as XMRig. */
    public record Family(String id, String name, int min, List<String> strings, List<String> require,
                         List<String> exclude, Pattern version) {
        public Family {
            strings = List.copyOf(strings);
            require = require == null ? List.of() : List.copyOf(require);
            exclude = exclude == null ? List.of() : List.copyOf(exclude);
            if (min < 2 || min > strings.size()) {
                throw new IllegalArgumentException("miner family " + id + ": min must be 2.." + strings.size());
            }
            if (!strings.containsAll(MinerSignatures.orEmpty(require))) {
                throw new IllegalArgumentException("miner family " + id + ": require lists a string not in strings");
            }
        }
    }

    private record FamilyToml(String id, String name, int min, List<String> strings, List<String> require,
                              List<String> exclude, String version) {
    }

    private record FileToml(List<FamilyToml> family) {
    }

    static final String RESOURCE = "/dev/contraband/detect/miner/miner-signatures.toml";
    private static volatile List<Family> builtIn;
    private static volatile String builtInHash;

    private MinerSignatures() {
    }

    static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }

    /**
     * Identifies the built-in signatures for layer-cache keys: the sha256 of the data file, the same in every
     * process (a hash of the parsed records would not be: {@link Pattern} hashes by identity).
     */
    public static String builtInHash() {
        builtIn();
        return builtInHash;
    }

    public static List<Family> builtIn() {
        if (builtIn == null) {
            try (InputStream in = MinerSignatures.class.getResourceAsStream(RESOURCE)) {
                byte[] bytes = in.readAllBytes();
                builtInHash = dev.contraband.image.Digest.sha256Of(bytes).hex().substring(0, 16);
                FileToml file = new TomlMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .readValue(bytes, FileToml.class);
                builtIn = file.family().stream().map(f -> new Family(f.id(), f.name(), f.min(), f.strings(),
                        f.require(), f.exclude(), f.version() == null ? null : Pattern.compile(f.version()))).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builtIn;
    }
}
