package dev.contraband.feed;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalising hosts and telling domains from addresses: lower case, no trailing dot, IDNs as punycode. */
public final class Hosts {
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    private Hosts() {
    }

    /** The normalised form of a host name, or null when it is not a valid domain name. */
    public static String normalize(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("*.")) {
            h = h.substring(2);
        }
        if (!h.chars().allMatch(c -> c < 128)) {
            try {
                h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return DOMAIN.matcher(h).matches() ? h : null;
    }

    public static boolean isIpv4(String text) {
        return IPV4.matcher(text).matches();
    }

    /** Whether {@code text} is an IPv6 address (the forms {@link java.net.InetAddress} reads, without a lookup). */
    public static boolean isIpv6(String text) {
        return text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]{2,45}") && Networks.parse(text) != null;
    }

    /** The host of a URL ({@code scheme://[user@]host[:port]/…}), normalised, or null. */
    public static String hostOfUrl(String url) {
        int scheme = url.indexOf("://");
        String rest = scheme < 0 ? url : url.substring(scheme + 3);
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(0, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close < 0 ? null : authority.substring(1, close).toLowerCase(Locale.ROOT);
        }
        int colon = authority.lastIndexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        return isIpv4(host) ? host : normalize(host);
    }

    /** A URL in the form feeds and findings compare: scheme and host lower case, no default port, no fragment. */
    public static String normalizeUrl(String url) {
        String u = url.strip();
        int hash = u.indexOf('#');
        if (hash >= 0) {
            u = u.substring(0, hash);
        }
        int scheme = u.indexOf("://");
        if (scheme < 0) {
            return u;
        }
        String rest = u.substring(scheme + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        String s = u.substring(0, scheme).toLowerCase(Locale.ROOT);
        authority = authority.toLowerCase(Locale.ROOT);
        if (s.equals("http") && authority.endsWith(":80") || s.equals("https") && authority.endsWith(":443")) {
            authority = authority.substring(0, authority.lastIndexOf(':'));
        }
        return s + "://" + authority + path;
    }
}
