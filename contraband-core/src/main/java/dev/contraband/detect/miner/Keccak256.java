package dev.contraband.detect.miner;

/**
 * Keccak-256 as Monero and Ethereum use it: the original Keccak padding ({@code 0x01}), not SHA3-256's
 * ({@code 0x06}), so {@code java.security}'s SHA3-256 gives other digests.
 */
public final class Keccak256 {
    private static final long[] RC = {
            0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
            0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
            0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
            0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
            0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
            0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L};
    private static final int[] ROT = {0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2,
            61, 56, 14};
    private static final int RATE = 136;

    private Keccak256() {
    }

    public static byte[] digest(byte[] data, int offset, int length) {
        long[] a = new long[25];
        byte[] block = new byte[RATE];
        int pos = offset;
        int end = offset + length;
        while (end - pos >= RATE) {
            absorb(a, data, pos);
            pos += RATE;
        }
        int rest = end - pos;
        System.arraycopy(data, pos, block, 0, rest);
        block[rest] ^= 0x01;
        block[RATE - 1] ^= (byte) 0x80;
        absorb(a, block, 0);
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = (byte) (a[i / 8] >>> (8 * (i % 8)));
        }
        return out;
    }

    public static byte[] digest(byte[] data) {
        return digest(data, 0, data.length);
    }

    private static void absorb(long[] a, byte[] b, int off) {
        for (int i = 0; i < RATE / 8; i++) {
            long v = 0;
            for (int k = 7; k >= 0; k--) {
                v = (v << 8) | (b[off + 8 * i + k] & 0xff);
            }
            a[i] ^= v;
        }
        permute(a);
    }

    private static void permute(long[] a) {
        long[] c = new long[5];
        long[] b = new long[25];
        for (long rc : RC) {
            for (int x = 0; x < 5; x++) {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }
            for (int x = 0; x < 5; x++) {
                long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
                for (int y = 0; y < 25; y += 5) {
                    a[y + x] ^= d;
                }
            }
            for (int x = 0; x < 5; x++) {
                for (int y = 0; y < 5; y++) {
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[x + 5 * y], ROT[x + 5 * y]);
                }
            }
            for (int x = 0; x < 5; x++) {
                for (int y = 0; y < 25; y += 5) {
                    a[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]);
                }
            }
            a[0] ^= rc;
        }
    }
}
