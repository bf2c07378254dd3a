package dev.contraband.detect.miner;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Cryptocurrency addresses validated by their checksum, not by their shape alone: Monero standard, sub- and
 * integrated addresses (Monero's block-wise base58 with a Keccak-256 checksum), Bitcoin base58check (P2PKH, P2SH)
 * and bech32/bech32m (segwit v0 and v1+), and Ethereum {@code 0x} addresses (EIP-55 checksum when mixed case;
 * the caller decides whether there is a miner context, as all-lower-case hex has no checksum).
 */
public final class Wallets {
    /** What kind of address. */
    public enum Kind {
        MONERO("Monero"), MONERO_SUBADDRESS("Monero subaddress"), MONERO_INTEGRATED("Monero integrated address"),
        BITCOIN("Bitcoin"), BITCOIN_SEGWIT("Bitcoin segwit"), ETHEREUM("Ethereum");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A valid address. */
    public record Wallet(Kind kind, String address) {
    }

    static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int[] MONERO_BLOCK_CHARS = {0, 2, 3, 5, 6, 7, 9, 10, 11};
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    private Wallets() {
    }

    public static boolean isBase58(char c) {
        return c < 128 && B58.indexOf(c) >= 0;
    }

    /** The address {@code text} is, when its checksum holds. */
    public static Optional<Wallet> validate(String text) {
        if (text.length() == 95 || text.length() == 106) {
            return monero(text);
        }
        if (text.startsWith("0x") && text.length() == 42) {
            return ethereum(text);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("bc1")) {
            return bech32(text);
        }
        if ((text.startsWith("1") || text.startsWith("3")) && text.length() >= 26 && text.length() <= 35) {
            return bitcoin(text);
        }
        return Optional.empty();
    }

    private static Optional<Wallet> monero(String text) {
        byte[] raw = moneroDecode(text);
        if (raw == null || raw.length != 69 && raw.length != 77) {
            return Optional.empty();
        }
        int body = raw.length - 4;
        byte[] hash = Keccak256.digest(raw, 0, body);
        if (!Arrays.equals(hash, 0, 4, raw, body, raw.length)) {
            return Optional.empty();
        }
        int net = raw[0] & 0xff;
        Kind kind = switch (net) {
            case 18, 53, 24 -> raw.length == 69 ? Kind.MONERO : null;   // mainnet, testnet, stagenet
            case 19, 54, 25 -> raw.length == 77 ? Kind.MONERO_INTEGRATED : null;
            case 42, 63, 36 -> raw.length == 69 ? Kind.MONERO_SUBADDRESS : null;
            default -> null;
        };
        return kind == null ? Optional.empty() : Optional.of(new Wallet(kind, text));
    }

    /** Monero base58: 8-byte blocks as 11 characters each, a shorter last block. Null when not valid. */
    static byte[] moneroDecode(String text) {
        int full = text.length() / 11;
        int restChars = text.length() % 11;
        int restBytes = -1;
        for (int i = 0; i < MONERO_BLOCK_CHARS.length; i++) {
            if (MONERO_BLOCK_CHARS[i] == restChars) {
                restBytes = i;
            }
        }
        if (restBytes < 0) {
            return null;
        }
        byte[] out = new byte[full * 8 + restBytes];
        for (int b = 0; b <= full; b++) {
            int chars = b < full ? 11 : restChars;
            int bytes = b < full ? 8 : restBytes;
            if (chars == 0) {
                break;
            }
            BigInteger n = BigInteger.ZERO;
            for (int i = 0; i < chars; i++) {
                int d = B58.indexOf(text.charAt(b * 11 + i));
                if (d < 0) {
                    return null;
                }
                n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(d));
            }
            if (n.bitLength() > bytes * 8) {
                return null;
            }
            byte[] v = n.toByteArray();
            for (int i = 0; i < bytes; i++) {
                int src = v.length - 1 - i;
                out[b * 8 + bytes - 1 - i] = src >= 0 ? v[src] : 0;
            }
        }
        return out;
    }

    /** Monero base58 encoding (the inverse of {@link #moneroDecode}); for building samples. */
    public static String moneroEncode(byte[] raw) {
        StringBuilder s = new StringBuilder();
        for (int b = 0; b < raw.length; b += 8) {
            int bytes = Math.min(8, raw.length - b);
            BigInteger n = new BigInteger(1, Arrays.copyOfRange(raw, b, b + bytes));
            char[] block = new char[MONERO_BLOCK_CHARS[bytes]];
            for (int i = block.length - 1; i >= 0; i--) {
                BigInteger[] qr = n.divideAndRemainder(BigInteger.valueOf(58));
                block[i] = B58.charAt(qr[1].intValue());
                n = qr[0];
            }
            s.append(block);
        }
        return s.toString();
    }

    /** A Monero address for {@code netByte} and 64 key bytes (plus 8 payment-id bytes for integrated ones). */
    public static String moneroAddress(int netByte, byte[] keys) {
        byte[] raw = new byte[1 + keys.length + 4];
        raw[0] = (byte) netByte;
        System.arraycopy(keys, 0, raw, 1, keys.length);
        byte[] hash = Keccak256.digest(raw, 0, 1 + keys.length);
        System.arraycopy(hash, 0, raw, 1 + keys.length, 4);
        return moneroEncode(raw);
    }

    private static Optional<Wallet> bitcoin(String text) {
        BigInteger n = BigInteger.ZERO;
        for (int i = 0; i < text.length(); i++) {
            int d = B58.indexOf(text.charAt(i));
            if (d < 0) {
                return Optional.empty();
            }
            n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(d));
        }
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        byte[] v = n.toByteArray();
        int start = v.length > 1 && v[0] == 0 ? 1 : 0;
        byte[] raw = new byte[zeros + v.length - start];
        System.arraycopy(v, start, raw, zeros, v.length - start);
        if (raw.length != 25 || raw[0] != 0 && raw[0] != 5) {
            return Optional.empty();
        }
        byte[] check = sha256(sha256(Arrays.copyOf(raw, 21)));
        return Arrays.equals(check, 0, 4, raw, 21, 25) ? Optional.of(new Wallet(Kind.BITCOIN, text)) : Optional.empty();
    }

    private static Optional<Wallet> bech32(String text) {
        if (!text.equals(text.toLowerCase(Locale.ROOT)) && !text.equals(text.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String s = text.toLowerCase(Locale.ROOT);
        int sep = s.lastIndexOf('1');
        if (sep != 2 || s.length() < 14 || s.length() > 90) {
            return Optional.empty();
        }
        int[] data = new int[s.length() - sep - 1];
        for (int i = 0; i < data.length; i++) {
            data[i] = BECH32.indexOf(s.charAt(sep + 1 + i));
            if (data[i] < 0) {
                return Optional.empty();
            }
        }
        int chk = polymod("bc", data);
        int version = data[0];
        boolean ok = version == 0 ? chk == 1 : version <= 16 && chk == 0x2bc830a3;
        return ok ? Optional.of(new Wallet(Kind.BITCOIN_SEGWIT, text)) : Optional.empty();
    }

    private static int polymod(String hrp, int[] data) {
        int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        int[] values = new int[hrp.length() * 2 + 1 + data.length];
        int k = 0;
        for (char c : hrp.toCharArray()) {
            values[k++] = c >> 5;
        }
        values[k++] = 0;
        for (char c : hrp.toCharArray()) {
            values[k++] = c & 31;
        }
        System.arraycopy(data, 0, values, k, data.length);
        for (int v : values) {
            int top = chk >>> 25;
            chk = (chk & 0x1ffffff) << 5 ^ v;
            for (int i = 0; i < 5; i++) {
                if ((top >>> i & 1) != 0) {
                    chk ^= gen[i];
                }
            }
        }
        return chk;
    }

    private static Optional<Wallet> ethereum(String text) {
        String hex = text.substring(2);
        if (!hex.matches("[0-9a-fA-F]{40}")) {
            return Optional.empty();
        }
        boolean mixed = !hex.equals(hex.toLowerCase(Locale.ROOT)) && !hex.equals(hex.toUpperCase(Locale.ROOT));
        if (mixed) {
            byte[] hash = Keccak256.digest(hex.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (int i = 0; i < 40; i++) {
                char c = hex.charAt(i);
                int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
                if (Character.isLetter(c) && Character.isUpperCase(c) != nibble >= 8) {
                    return Optional.empty();
                }
            }
        }
        if (hex.chars().distinct().count() < 6) {
            return Optional.empty(); // 0x000…0, 0xffff…: placeholders
        }
        return Optional.of(new Wallet(Kind.ETHEREUM, text));
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
