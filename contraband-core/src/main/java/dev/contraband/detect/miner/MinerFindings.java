package dev.contraband.detect.miner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.detect.Severity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/** Turns a {@link MinerScan.Result} (and a miner config, when the file is one) into findings. */
final class MinerFindings {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVIDENCE = 200;

    private MinerFindings() {
    }

    /** A miner configuration: where it mines and for whom. */
    record Config(String kind, String url, String user) {
    }

    /**
     * Findings of one scanned text or file. {@code at} gives the location of an item's line (null: no line);
     * {@code where} names it in messages ("/opt/x", "Env[2]"); {@code path} is the file path or null.
     */
    static void report(MinerScan.Result r, Config config, String where, String path, Function<Integer, Location> at,
                       boolean imageContext, Consumer<Finding> out) {
        boolean context = r.minerContext() || config != null || imageContext;
        if (r.binary() != null) {
            MinerSignatures.Family f = r.binary().family();
            String name = f.name() + (r.binary().version() == null ? "" : " " + r.binary().version());
            out.accept(Finding.of(MinerRules.BINARY, at.apply(null), name + " at " + where,
                    "agreeing strings: " + String.join(", ", r.binary().agreeing()), null, f.id()));
        }
        if (r.upx()) {
            out.accept(Finding.of(MinerRules.UPX, at.apply(null), "UPX-packed ELF executable " + where, "UPX!", null, "upx"));
        }
        for (MinerScan.Item s : r.stratum()) {
            out.accept(Documentation.inContext(Finding.of(MinerRules.STRATUM, at.apply(s.line()),
                    "stratum pool " + s.indicator() + " in " + where, cut(s.value()), s.indicator(), s.value()), path));
        }
        for (MinerScan.Item c : r.commands()) {
            out.accept(Documentation.inContext(Finding.of(MinerRules.COMMAND, at.apply(c.line()),
                    "miner command line" + (c.indicator() == null ? "" : " mining to " + c.indicator()) + " in " + where,
                    cut(c.value()), c.indicator(), c.value()), path));
        }
        if (config != null) {
            out.accept(Documentation.inContext(Finding.of(MinerRules.CONFIG, at.apply(null),
                    config.kind() + " configuration " + where + " mining to " + config.url()
                            + (config.user() == null ? "" : " for " + config.user()),
                    "url: " + config.url(), config.url(), config.url()), path));
        }
        for (MinerScan.Item w : r.wallets()) {
            if (w.wallet().kind() == Wallets.Kind.ETHEREUM && !context) {
                continue;
            }
            Finding f = Finding.of(MinerRules.WALLET, at.apply(w.line()),
                    w.wallet().kind().label() + " wallet " + abbreviate(w.value()) + " in " + where, w.value(), w.value(), w.value());
            f = context ? f : f.withSeverity(Severity.LOW, null);
            out.accept(Documentation.inContext(f, path));
        }
    }

    /** The miner configuration {@code json} describes, or null when it is none. */
    static Config config(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        JsonNode pools = root.path("pools");
        if (pools.isArray()) {
            for (JsonNode p : pools) {
                String url = p.path("url").asText("");
                if (looksLikePool(url) && p.has("user")) {
                    boolean xmrig = root.has("donate-level") || root.has("randomx") || root.has("cpu") || p.has("nicehash");
                    return new Config(xmrig ? "XMRig" : "miner", url, p.path("user").asText(null));
                }
            }
        }
        // xmr-stak pools.txt is not JSON; cpuminer/ccminer: top-level url + user (+ algo).
        String url = root.path("url").asText("");
        if (looksLikePool(url) && (root.has("user") || root.has("userpass")) && (root.has("algo") || url.contains("stratum"))) {
            return new Config(root.has("algo") ? "cpuminer/ccminer" : "miner", url, root.path("user").asText(null));
        }
        return null;
    }

    private static boolean looksLikePool(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return u.startsWith("stratum") || u.matches("([a-z0-9+]+://)?[a-z0-9.-]+\\.[a-z]{2,}:[0-9]{2,5}/?");
    }

    /** Wallets named in a config's user field, validated like any other. */
    static List<MinerScan.Item> configWallets(Config c) {
        List<MinerScan.Item> out = new ArrayList<>();
        if (c != null && c.user() != null) {
            String user = c.user().split("[.+/:]", 2)[0];
            Wallets.validate(user).ifPresent(w -> out.add(new MinerScan.Item(0, null, w.address(), w.address(), w)));
        }
        return out;
    }

    static String abbreviate(String wallet) {
        return wallet.length() > 12 ? wallet.substring(0, 8) + "…" : wallet;
    }

    static String cut(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > EVIDENCE ? one.substring(0, EVIDENCE - 3) + "..." : one;
    }
}
