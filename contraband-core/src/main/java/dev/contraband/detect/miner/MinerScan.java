package dev.contraband.detect.miner;

import dev.contraband.pattern.WindowedScan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The miner family's look at one file or one config value, chunk by chunk: which signature strings of which family
 * occur (binaries only), the miner's version, stratum URLs, miner command lines (text only) and wallet addresses
 * whose checksum holds. {@link #result()} after {@link #finish()}.
 */
final class MinerScan implements WindowedScan.Resolver {
    static final int WINDOW = 1024;
    private static final int MAX_ITEMS = 50;
    private static final Pattern OPTION = Pattern.compile("(?<=^|\\s|[\"'])(-o|--url|-u|--user|-p|--pass|--donate-level|"
            + "--cpu-max-threads-hint|--coin|--algo|-a|--threads|-t|--rig-id|--nicehash|--tls|--randomx-mode|-B|"
            + "--background|--max-cpu-usage|--cpu-priority|-k|--keepalive)(?=[\\s=]|$)");
    private static final Pattern POOL = Pattern.compile("(?:^|[\\s\"'=])(?:-o|--url)[ =]+(?:[a-z0-9+]+://)?([A-Za-z0-9.-]+:[0-9]{2,5})");

    /** A miner found by its strings. */
    record Binary(MinerSignatures.Family family, String version, List<String> agreeing) {
    }

    /** A stratum URL, miner command line or wallet, with its offset and line (null in binaries). */
    record Item(long offset, Integer line, String value, String indicator, Wallets.Wallet wallet) {
    }

    record Result(Binary binary, boolean upx, List<Item> stratum, List<Item> commands, List<Item> wallets,
                  boolean binaryFile) {
        boolean minerContext() {
            return binary != null || !stratum.isEmpty() || !commands.isEmpty();
        }
    }

    private final MinerEngine engine;
    private final WindowedScan scan;
    private final BitSet seen = new BitSet();
    private final String[] versions;
    private final Map<Long, Item> stratum = new LinkedHashMap<>();
    private final Map<Long, Item> commands = new LinkedHashMap<>();
    private final Map<Long, Item> wallets = new LinkedHashMap<>();
    private boolean first = true;
    private boolean binary;
    private boolean text = true;
    private boolean upx;
    private boolean elf;
    private static final int SMALL = 64 << 10;
    private byte[] small;
    private long total;

    MinerScan(MinerEngine engine) {
        this.engine = engine;
        this.versions = new String[engine.families.size()];
        this.scan = new WindowedScan(engine.database, WINDOW, WINDOW, id -> engine.kinds[id] != MinerEngine.Kind.WALLET, this);
    }

    void update(byte[] data, int off, int len) {
        if (first && len > 0) {
            first = false;
            elf = len >= 4 && data[off] == 0x7f && data[off + 1] == 'E' && data[off + 2] == 'L' && data[off + 3] == 'F';
            boolean pe = len >= 2 && data[off] == 'M' && data[off + 1] == 'Z';
            boolean macho = len >= 4 && (data[off] & 0xff) == 0xcf && (data[off + 1] & 0xff) == 0xfa
                    || len >= 4 && (data[off] & 0xff) == 0xfe && (data[off + 1] & 0xff) == 0xed;
            binary = elf || pe || macho;
            for (int i = off; i < off + Math.min(len, 8192); i++) {
                if (data[i] == 0) {
                    text = false;
                    break;
                }
            }
            if (elf) {
                upx = indexOf(data, off, Math.min(len, 4096), "UPX!".getBytes(StandardCharsets.ISO_8859_1)) >= 0;
            }
        }
        if (text && total == 0 && len < SMALL) {
            small = java.util.Arrays.copyOfRange(data, off, off + len); // a small text file: kept for line numbers
        } else if (total > 0) {
            small = null;
        }
        total += len;
        scan.update(data, off, len);
    }

    boolean wantsMore() {
        return !scan.stopped();
    }

    void finish() {
        scan.close();
    }

    Result result() {
        Binary found = null;
        double best = 0;
        for (int f = 0; binary && f < engine.families.size(); f++) {
            MinerSignatures.Family family = engine.families.get(f);
            List<String> agreeing = new ArrayList<>();
            for (int id = 0; id < engine.kinds.length; id++) {
                if (engine.kinds[id] == MinerEngine.Kind.SIGNATURE && engine.family[id] == f && seen.get(id)) {
                    agreeing.add(family.strings().get(engine.string[id]));
                }
            }
            boolean required = family.require().isEmpty() || family.require().stream().anyMatch(agreeing::contains);
            boolean excluded = family.exclude().stream().anyMatch(agreeing::contains);
            double score = agreeing.size() / (double) family.strings().size();
            if (agreeing.size() >= family.min() && required && !excluded && score > best) {
                best = score;
                found = new Binary(family, versions[f], agreeing);
            }
        }
        return new Result(found, upx, List.copyOf(stratum.values()), List.copyOf(commands.values()),
                List.copyOf(wallets.values()), binary || !text);
    }

    @Override
    public boolean resolve(int id, long end, WindowedScan.Window window) {
        String w = new String(window.bytes(), StandardCharsets.ISO_8859_1);
        switch (engine.kinds[id]) {
            case SIGNATURE -> seen.set(id);
            case VERSION -> {
                int f = engine.family[id];
                Matcher m = engine.families.get(f).version().matcher(w);
                if (versions[f] == null && m.find()) {
                    versions[f] = m.group(1);
                }
            }
            case STRATUM -> {
                Matcher m = MinerEngine.STRATUM_URL.matcher(w);
                while (m.find() && stratum.size() < MAX_ITEMS) {
                    String hostPort = m.group(1).toLowerCase(java.util.Locale.ROOT) + (m.group(2) == null ? "" : ":" + m.group(2));
                    long at = window.start() + m.start();
                    stratum.putIfAbsent(at, new Item(at, lineOf(window, m.start()), m.group(), hostPort, null));
                }
            }
            case COMMAND -> {
                if (text) {
                    int hit = (int) (end - window.start()) - 1;
                    int from = w.lastIndexOf('\n', Math.max(0, hit)) + 1;
                    int to = w.indexOf('\n', hit);
                    String line = w.substring(from, to < 0 ? w.length() : to);
                    long at = window.start() + from;
                    if (!commands.containsKey(at) && commands.size() < MAX_ITEMS && isMinerCommandLine(line)) {
                        Matcher pool = POOL.matcher(line);
                        commands.put(at, new Item(at, lineOf(window, from), line.strip(), pool.find() ? pool.group(1).toLowerCase(java.util.Locale.ROOT) : null, null));
                    }
                }
            }
            case WALLET -> {
                // The hit ends inside the token (patterns are anchored at a token start): widen it to the whole token.
                int h = (int) (end - window.start());
                int from = h;
                while (from > 0 && isAlnum(w.charAt(from - 1))) {
                    from--;
                }
                int to = h;
                while (to < w.length() && isAlnum(w.charAt(to))) {
                    to++;
                }
                long at = window.start() + from;
                boolean cut = from == 0 && window.start() > 0 || to == w.length() && window.end() >= end + WINDOW;
                if (!cut && to - from <= 106 && !wallets.containsKey(at) && wallets.size() < MAX_ITEMS) {
                    Wallets.validate(w.substring(from, to)).ifPresent(v ->
                            wallets.put(at, new Item(at, lineOf(window, (int) (at - window.start())), v.address(), v.address(), v)));
                }
            }
        }
        return true;
    }

    /** Whether a line runs a miner: a pool with a user, or options only miners have. */
    static boolean isMinerCommandLine(String line) {
        Matcher m = OPTION.matcher(line);
        java.util.Set<String> options = new java.util.HashSet<>();
        while (m.find()) {
            options.add(m.group(1));
        }
        boolean pool = POOL.matcher(line).find();
        boolean user = options.contains("-u") || options.contains("--user");
        return options.contains("--donate-level") || options.contains("--cpu-max-threads-hint")
                || options.contains("--randomx-mode")
                || pool && (user || options.contains("--coin") || options.contains("--algo") || options.contains("-a"));
    }

    private Integer lineOf(WindowedScan.Window window, int indexInWindow) {
        long offset = window.start() + indexInWindow;
        if (small == null || offset > small.length) {
            return null;
        }
        int line = 1;
        for (int i = 0; i < offset; i++) {
            line += small[i] == '\n' ? 1 : 0;
        }
        return line;
    }

    private static boolean isAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static int indexOf(byte[] data, int off, int len, byte[] needle) {
        outer:
        for (int i = off; i <= off + len - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
