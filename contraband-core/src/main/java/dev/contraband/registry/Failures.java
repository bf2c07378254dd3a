package dev.contraband.registry;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** Turns what {@code java.net.http} throws (often without a message) into one line naming the registry. */
final class Failures {
    private Failures() {
    }

    static IOException of(String registry, IOException e) {
        if (e instanceof RegistryException || e instanceof java.io.InterruptedIOException) {
            return e;
        }
        String why;
        if (e instanceof HttpConnectTimeoutException) {
            why = "cannot connect to " + registry + " (connect timed out)";
        } else if (e instanceof HttpTimeoutException) {
            why = registry + " did not answer in time (" + detail(e) + ")";
        } else if (e instanceof UnknownHostException || e.getCause() instanceof UnresolvedAddressException) {
            why = "cannot connect to " + registry + " (unknown host)";
        } else if (e instanceof ConnectException) {
            why = "cannot connect to " + registry + " (" + (e.getMessage() == null ? "connection refused" : e.getMessage()) + ")";
        } else if (e instanceof SSLException) {
            why = "TLS with " + registry + " failed (" + detail(e) + "); a private CA needs --ca-file, an HTTP-only"
                    + " registry --plain-http";
        } else {
            why = registry + ": " + detail(e);
        }
        return new RegistryException(why, e);
    }

    private static String detail(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
