package dev.contraband.detect.secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The post-filters a candidate secret passes before it is reported: the rule's allow-list, placeholders, minimum
 * Shannon entropy, and a structural validator where the format has a reliable one.
 */
final class SecretFilters {
    /** Words and shapes that mark documentation values, not secrets. */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)example|sample|placeholder|dummy|changeme|your[_-]?|redacted|insert[_-]?|replace[_-]?me|"
                    + "^\\$\\{[^}]*}$|^\\$[A-Z_][A-Z0-9_]*$|^<[^>]*>$|^\\{\\{.*}}$|^%[^%]+%$|^\\*+$|x{6,}|X{6,}|0{8,}|"
                    + "1234567890|abcdefgh|^(true|false|null|none|undefined|password|secret|token)$");
    /** Words alone, for long secrets. */
    private static final Pattern PLACEHOLDER_WORDS = Pattern.compile(
            "(?i)example|placeholder|dummy|changeme|redacted|replace[_-]?me|your[_-](?:private[_-])?key");
    private static final int LONG = 200;
    /** The same character eight times in a row: "aaaaaaaa", "--------". */
    private static final Pattern REPEATED = Pattern.compile("(.)\\1{7,}");

    private static final Pattern STRICT_BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    private SecretFilters() {
    }

    static boolean accept(SecretRule rule, String secret) {
        for (Pattern allow : rule.allow()) {
            if (allow.matcher(secret).find()) {
                return false;
            }
        }
        if (isPlaceholder(secret)) {
            return false;
        }
        if (rule.minEntropy() > 0 && entropy(secret) < rule.minEntropy()) {
            return false;
        }
        return rule.validator() == null || valid(rule.validator(), secret);
    }

    static boolean isPlaceholder(String secret) {
        if (secret.length() > LONG) {
            // Key bodies are long and structured: an OpenSSH key's first line holds nine 'A's by design, so only
            // placeholder words count against them, not runs of one character.
            return PLACEHOLDER_WORDS.matcher(secret).find();
        }
        return PLACEHOLDER.matcher(secret).find() || REPEATED.matcher(secret).find() || distinct(secret) <= 3;
    }

    private static long distinct(String s) {
        return s.chars().distinct().count();
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        int[] counts = new int[256];
        for (int i = 0; i < s.length(); i++) {
            counts[s.charAt(i) & 0xff]++;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / s.length();
                h -= p * (Math.log(p) / Math.log(2));
            }
        }
        return h;
    }

    static boolean valid(String validator, String secret) {
        return switch (validator) {
            case "jwt" -> validJwt(secret);
            case "pem" -> validPem(secret);
            case "docker-auth" -> validDockerAuth(secret);
            case "base64" -> decodes(secret.strip());
            default -> true;
        };
    }

    /** Three base64url parts, the first decoding to a JSON object that names an algorithm. */
    private static boolean validJwt(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3 || parts[1].length() < 4) {
            return false;
        }
        try {
            String header = new String(Base64.getUrlDecoder().decode(strip(parts[0])), StandardCharsets.UTF_8);
            Base64.getUrlDecoder().decode(strip(parts[1]));
            return header.startsWith("{") && header.contains("\"alg\"");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String strip(String b64) {
        return b64.replace("=", "");
    }

    /** A BEGIN line, a body of at least 64 base64 characters that decodes (headers such as Proc-Type allowed). */
    private static boolean validPem(String block) {
        StringBuilder body = new StringBuilder();
        for (String line : block.split("\\r?\\n|\\\\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("-----") || l.contains(":")) {
                continue;
            }
            body.append(l);
        }
        // Strict: a body with anything but the base64 alphabet is prose or binary that happens to sit between
        // a BEGIN and an END line (libgnutls carries such strings), not a key.
        return body.length() >= 64 && STRICT_BASE64.matcher(body).matches();
    }

    private static boolean decodes(String b64) {
        try {
            Base64.getMimeDecoder().decode(b64);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Docker's config.json {@code auth}: base64 of {@code user:password}, both non-empty. */
    private static boolean validDockerAuth(String b64) {
        try {
            String s = new String(Base64.getDecoder().decode(b64.strip()), StandardCharsets.UTF_8);
            int colon = s.indexOf(':');
            return colon > 0 && colon < s.length() - 1 && s.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                    && !isPlaceholder(s.substring(colon + 1).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
