package dev.contraband.detect.miner;

import dev.contraband.detect.Category;
import dev.contraband.detect.Rule;
import dev.contraband.detect.Severity;

import java.util.List;

/** The rules of the miner family. */
public final class MinerRules {
    public static final Rule BINARY = new Rule("miner.binary", Category.CRYPTOMINING, Severity.CRITICAL,
            "Cryptominer binary",
            "An executable whose strings agree with a known miner (options, algorithm names, stratum methods): it mines "
                    + "cryptocurrency with the host's CPU or GPU, whatever the file is called.");
    public static final Rule UPX = new Rule("miner.upx-packed", Category.OTHER, Severity.MEDIUM,
            "UPX-packed executable",
            "An ELF executable packed with UPX: packed binaries hide their content from scanners; miners and malware use it, "
                    + "packaged software seldom does.");
    public static final Rule STRATUM = new Rule("miner.stratum-url", Category.CRYPTOMINING, Severity.HIGH,
            "Stratum mining pool URL", "A stratum+tcp:// (or ssl, tls) URL: the protocol miners speak to their pool.");
    public static final Rule COMMAND = new Rule("miner.command-line", Category.CRYPTOMINING, Severity.HIGH,
            "Miner command line",
            "A command line with a miner's options (-o POOL -u WALLET, --donate-level, --cpu-max-threads-hint, --coin, --algo).");
    public static final Rule CONFIG = new Rule("miner.config", Category.CRYPTOMINING, Severity.HIGH,
            "Miner configuration file",
            "A JSON miner configuration (XMRig's pools[].url and user, cpuminer/ccminer url and user).");
    public static final Rule WALLET = new Rule("miner.wallet", Category.CRYPTOMINING, Severity.HIGH,
            "Cryptocurrency wallet address",
            "A wallet address whose checksum holds (Monero, Bitcoin; Ethereum only next to miner settings). High where "
                    + "miner settings are also present, low on its own (libraries and documentation carry addresses).");
    public static final Rule KNOWN_MINER_HASH = new Rule("miner.known-hash", Category.CRYPTOMINING, Severity.CRITICAL,
            "File matches a known miner hash", "The file's sha256 is in a --hash-feed under a miner's name.");
    public static final Rule KNOWN_BAD_HASH = new Rule("hash.known-bad-file", Category.OTHER, Severity.CRITICAL,
            "File matches a known-bad hash", "The file's sha256 is in a --hash-feed (sha256 list or ClamAV .hsb).");

    static final List<Rule> CONTENT = List.of(BINARY, UPX, STRATUM, COMMAND, CONFIG, WALLET);

    private MinerRules() {
    }
}
