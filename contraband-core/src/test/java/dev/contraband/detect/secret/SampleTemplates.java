package dev.contraband.detect.secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the sample templates of rule files (docs/rules.md) into concrete text at test time, so true-positive
 * samples are freshly generated secrets of the right shape and nothing secret-looking is committed.
 */
final class SampleTemplates {
    /** A sample: the file path it is placed at and its content. */
    record Sample(String path, String content) {
    }

    static final String DEFAULT_PATH = "/app/config.txt";
    private static final Pattern TOKEN = Pattern.compile("\\{\\{([a-z0-9]+)(?::([^}]*))?}}");
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final Random random;

    SampleTemplates(long seed) {
        this.random = new Random(seed);
    }

    Sample expand(String template) {
        String path = DEFAULT_PATH;
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(template.replace("\\n", "\n"));
        while (m.find()) {
            String kind = m.group(1);
            String arg = m.group(2);
            String value;
            if (kind.equals("path")) {
                path = arg;
                value = "";
            } else {
                value = generate(kind, arg);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return new Sample(path, out.toString());
    }

    private String generate(String kind, String arg) {
        int n = arg == null || arg.isEmpty() || kind.equals("repeat") ? 0 : Integer.parseInt(arg.split(":")[0]);
        return switch (kind) {
            case "alnum" -> pick(ALNUM, n);
            case "alpha" -> pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", n);
            case "upper" -> pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ", n);
            case "lower" -> pick("abcdefghijklmnopqrstuvwxyz", n);
            case "digits" -> pick("0123456789", n);
            case "hex" -> pick("0123456789abcdef", n);
            case "hexupper" -> pick("0123456789ABCDEF", n);
            case "base32" -> pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", n);
            case "base64" -> pick(ALNUM + "+/", n);
            case "base64url" -> pick(ALNUM + "-_", n);
            case "base64lines" -> lines(pick(ALNUM + "+/", n - n % 4));
            case "jwt" -> jwt();
            case "uuid" -> uuid();
            case "bech32" -> pick("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", n);
            case "basicauth" -> Base64.getEncoder().encodeToString(
                    (pick("abcdefghijklmnopqrstuvwxyz", 8) + ":" + pick(ALNUM, n)).getBytes(StandardCharsets.UTF_8));
            case "backslash" -> "\\";
            case "repeat" -> String.valueOf(arg.charAt(0)).repeat(Integer.parseInt(arg.substring(2)));
            default -> throw new IllegalArgumentException("unknown sample template {{" + kind + "}}");
        };
    }

    private String pick(String alphabet, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static String lines(String b64) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b64.length(); i += 64) {
            if (i > 0) {
                s.append('\n');
            }
            s.append(b64, i, Math.min(b64.length(), i + 64));
        }
        return s.toString();
    }

    private String uuid() {
        String h = pick("0123456789abcdef", 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-"
                + "89ab".charAt(random.nextInt(4)) + h.substring(17, 20) + "-" + h.substring(20);
    }

    private String jwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes());
        String payload = b64.encodeToString(("{\"sub\":\"" + pick(ALNUM, 12) + "\",\"iat\":" + (1_700_000_000 + random.nextInt(1_000_000)) + "}").getBytes());
        byte[] sig = new byte[32];
        random.nextBytes(sig);
        return header + "." + payload + "." + b64.encodeToString(sig);
    }
}
