package dev.contraband.feed;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set of IPv4 and IPv6 networks (CIDR) with a lookup by address: one hash set of masked prefixes per prefix
 * length present, so a lookup costs one probe per distinct length, whatever the number of networks.
 */
public final class Networks {
    private final Map<Integer, Set<BigInteger>> v4 = new HashMap<>();
    private final Map<Integer, Set<BigInteger>> v6 = new HashMap<>();
    private final Map<String, String> original = new HashMap<>();

    /** Adds {@code cidr} ("10.0.0.0/8", "2001:db8::/32" or a single address); false when it is not one. */
    public boolean add(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        byte[] bytes = parse(address);
        if (bytes == null) {
            return false;
        }
        int bits = bytes.length * 8;
        int length;
        try {
            length = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (length < 0 || length > bits) {
            return false;
        }
        BigInteger prefix = mask(new BigInteger(1, bytes), bits, length);
        (bytes.length == 4 ? v4 : v6).computeIfAbsent(length, k -> new HashSet<>()).add(prefix);
        original.put(key(bytes.length, length, prefix), cidr);
        return true;
    }

    public boolean isEmpty() {
        return v4.isEmpty() && v6.isEmpty();
    }

    public boolean hasIpv4() {
        return !v4.isEmpty();
    }

    public boolean hasIpv6() {
        return !v6.isEmpty();
    }

    /** The network (as it was added) holding {@code address}, the most specific one; null when none does. */
    public String find(String address) {
        byte[] bytes = parse(address);
        if (bytes == null) {
            return null;
        }
        int bits = bytes.length * 8;
        BigInteger a = new BigInteger(1, bytes);
        Map<Integer, Set<BigInteger>> byLength = bytes.length == 4 ? v4 : v6;
        for (int length : new TreeSet<>(byLength.keySet()).descendingSet()) {
            BigInteger prefix = mask(a, bits, length);
            if (byLength.get(length).contains(prefix)) {
                return original.get(key(bytes.length, length, prefix));
            }
        }
        return null;
    }

    private static String key(int family, int length, BigInteger prefix) {
        return family + "/" + length + "/" + prefix;
    }

    private static BigInteger mask(BigInteger a, int bits, int length) {
        return a.shiftRight(bits - length).shiftLeft(bits - length);
    }

    /** The bytes of an IPv4 or IPv6 literal, never resolving a name; null when it is not one. */
    static byte[] parse(String text) {
        if (Hosts.isIpv4(text)) {
            String[] p = text.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                b[i] = (byte) Integer.parseInt(p[i]);
            }
            return b;
        }
        if (text.indexOf(':') < 0 || !text.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            // Only hex digits, colons and dots: InetAddress parses a literal and never looks a name up.
            byte[] b = java.net.InetAddress.getByName(text).getAddress();
            return b.length == 16 ? b : null;
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }
}
