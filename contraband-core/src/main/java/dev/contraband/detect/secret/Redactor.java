package dev.contraband.detect.secret;

/**
 * How a secret appears in every output: at most its first four characters (fewer for short secrets, so that no
 * more than a quarter shows) and its length. The whole value never leaves the detector.
 */
public final class Redactor {
    private Redactor() {
    }

    public static String redact(String secret) {
        String oneLine = secret.replaceAll("\\s+", " ");
        int shown = Math.min(4, oneLine.length() / 4);
        return oneLine.substring(0, shown) + "…(" + secret.length() + " chars)";
    }
}
