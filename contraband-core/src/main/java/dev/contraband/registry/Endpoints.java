package dev.contraband.registry;

import java.net.URI;
import java.util.Locale;

/** Where a registry's API lives: {@code https://HOST/v2/}, or {@code http://} for loopback and {@code --plain-http}. */
final class Endpoints {
    private Endpoints() {
    }

    static boolean isLoopback(String hostAndPort) {
        String host = hostOf(hostAndPort).toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.endsWith(".localhost") || host.equals("::1") || host.equals("[::1]")
                || host.matches("127(\\.\\d{1,3}){3}");
    }

    private static String hostOf(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            int end = hostAndPort.indexOf(']');
            return end < 0 ? hostAndPort : hostAndPort.substring(0, end + 1);
        }
        int colon = hostAndPort.lastIndexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }

    static URI base(String apiHost, boolean plainHttp) {
        String scheme = plainHttp || isLoopback(apiHost) ? "http" : "https";
        return URI.create(scheme + "://" + apiHost + "/v2/");
    }
}
