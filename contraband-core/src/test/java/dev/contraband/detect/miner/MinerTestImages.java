package dev.contraband.detect.miner;

import dev.contraband.sample.SampleElf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Fixtures: inert ELF files carrying a miner's strings, and fresh wallet addresses. */
final class MinerTestImages {
    private MinerTestImages() {
    }

    /** An ELF header followed by {@code strings}, NUL-separated, as a stripped binary's .rodata holds them. */
    static byte[] elfWith(String... strings) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(SampleElf.program());
        for (String s : strings) {
            b.write(0);
            b.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        }
        b.writeBytes(new byte[200]);
        return b.toByteArray();
    }

    /** A renamed, stripped XMRig 6.21.0: options, algorithms and stratum method names, no "xmrig" file name. */
    static byte[] xmrig() {
        return elfWith("XMRig 6.21.0", "donate-level", "cpu-max-threads-hint", "rx/wow", "argon2/chukwa", "keepalived",
                "nicehash", "huge-pages", "randomx");
    }

    static String moneroWallet(long seed) {
        byte[] keys = new byte[64];
        new Random(seed).nextBytes(keys);
        return Wallets.moneroAddress(18, keys);
    }
}
