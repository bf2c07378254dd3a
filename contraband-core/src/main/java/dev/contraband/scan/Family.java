package dev.contraband.scan;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A detector family, chosen with {@code --scanners} as Trivy users choose {@code vuln,secret}: one package under
 * {@code dev.contraband.detect} each, named by the id ({@link Detectors#with} makes each family's detectors).
 */
public enum Family {
    ARTIFACT("artifact", "suspicious files: ELF in temp folders, setuid outside system paths, ld.so.preload"),
    SECRET("secret", "embedded secrets: keys, tokens, credential files"),
    MINER("miner", "cryptominers: binaries, stratum URLs, pool configs, wallets, known-bad hashes"),
    NETWORK("network", "domains, IPs and URLs on the indicator feeds"),
    BEHAVIOR("behavior", "run-time downloaders, reverse shells, persistence, hacking tools"),
    NAME("name", "impostor image names");

    private final String id;
    private final String description;

    Family(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** {@code secret,miner} to families; an unknown name is refused with the list of known ones. */
    public static Set<Family> parse(Iterable<String> names) {
        Set<Family> out = EnumSet.noneOf(Family.class);
        for (String name : names) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            Family match = Arrays.stream(values()).filter(f -> f.id.equals(n) || (f.id + "s").equals(n))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown scanner '" + name.strip()
                            + "'; known: " + Arrays.stream(values()).map(Family::id).collect(Collectors.joining(", "))));
            out.add(match);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--scanners needs at least one of: "
                    + Arrays.stream(values()).map(Family::id).collect(Collectors.joining(", ")));
        }
        return out;
    }
}
