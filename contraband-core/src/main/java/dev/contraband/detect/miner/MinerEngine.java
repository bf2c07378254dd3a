package dev.contraband.detect.miner;

import dev.contraband.pattern.PatternDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The miner family's patterns in one Hyperscan database, compiled once per process: every signature string of
 * every family (literals), each family's version pattern, stratum URLs, the anchors of miner command lines, and
 * the shapes of wallet addresses. Hits are resolved by {@link MinerScan}.
 */
final class MinerEngine {
    enum Kind { SIGNATURE, VERSION, STRATUM, COMMAND, WALLET }

    static final Pattern STRATUM_URL = Pattern.compile(
            "(?i)stratum[0-9]?\\+(?:tcp|ssl|tls|wss?)://(?:[^\\s\"'<>@/]*@)?([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:]+\\])(?::([0-9]{1,5}))?");
    private static volatile MinerEngine builtIn;

    final List<MinerSignatures.Family> families;
    final PatternDatabase database;
    final Kind[] kinds;
    /** For SIGNATURE ids: family index and string index; for VERSION ids: family index. */
    final int[] family;
    final int[] string;

    private MinerEngine(List<MinerSignatures.Family> families) {
        this.families = families;
        List<String> regexes = new ArrayList<>();
        List<Kind> k = new ArrayList<>();
        List<int[]> owner = new ArrayList<>();
        for (int f = 0; f < families.size(); f++) {
            List<String> strings = families.get(f).strings();
            for (int s = 0; s < strings.size(); s++) {
                regexes.add(strings.get(s).replaceAll("([^A-Za-z0-9 ])", "\\\\$1"));
                k.add(Kind.SIGNATURE);
                owner.add(new int[]{f, s});
            }
            if (families.get(f).version() != null) {
                regexes.add(families.get(f).version().pattern());
                k.add(Kind.VERSION);
                owner.add(new int[]{f, -1});
            }
        }
        regexes.add("(?i)stratum[0-9]?\\+(tcp|ssl|tls|wss?)://");
        k.add(Kind.STRATUM);
        owner.add(new int[]{-1, -1});
        for (String anchor : List.of("--donate-level", "--cpu-max-threads-hint", "(^|[\\s\"'])(-o|--url)[ =][A-Za-z0-9.-]+:[0-9]{2,5}",
                "--coin[ =]", "--algo[ =]", "--randomx-mode")) {
            regexes.add(anchor);
            k.add(Kind.COMMAND);
            owner.add(new int[]{-1, -1});
        }
        // Anchored at a token start, so a long run of base58 characters is one hit, not one a byte.
        // Monero (95 or 106 characters) and Bitcoin base58 (26..35) share one trigger: the token decides.
        for (String w : List.of("[1348][1-9A-HJ-NP-Za-km-z]{25}",
                "bc1[02-9ac-hj-np-z]{11}", "BC1[02-9AC-HJ-NP-Z]{11}", "0x[0-9a-fA-F]{40}")) {
            regexes.add("(?:^|[^A-Za-z0-9])" + w);
            k.add(Kind.WALLET);
            owner.add(new int[]{-1, -1});
        }
        java.util.Set<Integer> once = new java.util.HashSet<>();
        for (int i = 0; i < k.size(); i++) {
            if (k.get(i) == Kind.SIGNATURE || k.get(i) == Kind.VERSION) {
                once.add(i);
            }
        }
        this.database = PatternDatabase.compile(regexes, once);
        this.kinds = k.toArray(Kind[]::new);
        this.family = owner.stream().mapToInt(o -> o[0]).toArray();
        this.string = owner.stream().mapToInt(o -> o[1]).toArray();
    }

    static MinerEngine builtIn() {
        MinerEngine e = builtIn;
        if (e == null) {
            synchronized (MinerEngine.class) {
                if (builtIn == null) {
                    builtIn = new MinerEngine(MinerSignatures.builtIn());
                }
                e = builtIn;
            }
        }
        return e;
    }
}
