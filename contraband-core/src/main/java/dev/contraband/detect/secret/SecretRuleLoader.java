package dev.contraband.detect.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.contraband.detect.Category;
import dev.contraband.detect.Rule;
import dev.contraband.detect.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads secret rules from TOML (docs/rules.md). The field names follow gitleaks' {@code [[rules]]} tables where
 * they mean the same ({@code id}, {@code description}, {@code regex}, {@code secretGroup}, {@code entropy},
 * {@code keywords}, {@code path}), so many gitleaks rules load as they are.
 */
public final class SecretRuleLoader {
    public static final String BUILT_IN = "secret-rules.toml";
    static final String ID_PREFIX = "secret.";
    private static final TomlMapper TOML = new TomlMapper();
    private static final Set<String> VALIDATORS = Set.of("jwt", "pem", "docker-auth", "base64");

    private SecretRuleLoader() {
    }

    public static List<SecretRule> builtIn() {
        try (InputStream in = SecretRuleLoader.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " missing from the classpath");
            }
            return parse(in.readAllBytes(), BUILT_IN);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads a user's rule file; the message of a failure names the file and the rule. */
    public static List<SecretRule> load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such rule file");
        }
        return parse(Files.readAllBytes(file), file.toString());
    }

    static List<SecretRule> parse(byte[] toml, String source) throws IOException {
        JsonNode root;
        try {
            root = TOML.readTree(toml);
        } catch (IOException e) {
            throw new IOException(source + ": invalid TOML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        JsonNode rules = root.get("rules");
        if (rules == null || !rules.isArray()) {
            throw new IOException(source + ": no [[rules]] tables");
        }
        List<SecretRule> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode r : rules) {
            SecretRule rule = rule(r, source);
            if (!ids.add(rule.id())) {
                throw new IOException(source + ": rule " + rule.id() + " is defined twice");
            }
            out.add(rule);
        }
        return out;
    }

    private static SecretRule rule(JsonNode r, String source) throws IOException {
        String rawId = text(r, "id");
        if (rawId == null || !rawId.matches("[a-z0-9][a-z0-9.-]*")) {
            throw new IOException(source + ": rule id \"" + rawId + "\" must be lower-case letters, digits, dots and dashes");
        }
        String id = rawId.startsWith(ID_PREFIX) ? rawId : ID_PREFIX + rawId;
        String where = source + ": rule " + rawId;
        try {
            String description = text(r, "description");
            String title = text(r, "title") != null ? text(r, "title") : description != null ? description : rawId;
            Severity severity = text(r, "severity") == null ? Severity.HIGH : Severity.parse(text(r, "severity"));
            Category category = category(text(r, "category"), where);
            String regexSource = text(r, "regex");
            List<Pattern> paths = new ArrayList<>();
            for (String p : strings(r, "paths")) {
                paths.add(Pattern.compile(p));
            }
            if (text(r, "path") != null) {
                paths.add(Pattern.compile(text(r, "path")));
            }
            boolean pathOnly = regexSource == null;
            if (pathOnly && paths.isEmpty()) {
                throw new IOException(where + ": needs a regex, a path, or both");
            }
            Pattern regex = pathOnly ? null : Pattern.compile(regexSource);
            int groups = pathOnly ? 0 : regex.matcher("").groupCount();
            int secretGroup = r.has("secretGroup") ? r.get("secretGroup").asInt() : groups > 0 ? 1 : 0;
            if (secretGroup > groups) {
                throw new IOException(where + ": secretGroup " + secretGroup + " but the regex has " + groups + " groups");
            }
            String validator = text(r, "validator");
            if (validator != null && !VALIDATORS.contains(validator)) {
                throw new IOException(where + ": unknown validator \"" + validator + "\" (known: " + VALIDATORS + ")");
            }
            List<Pattern> allow = new ArrayList<>();
            for (String a : strings(r, "allow")) {
                allow.add(Pattern.compile(a));
            }
            String confidence = text(r, "confidence") == null ? "normal" : text(r, "confidence").toLowerCase(Locale.ROOT);
            int maxLength = r.has("maxLength") ? r.get("maxLength").asInt() : 512;
            if (text(r, "prefilter") != null && pathOnly) {
                throw new IOException(where + ": a prefilter needs a regex");
            }
            if (maxLength < 16 || maxLength > SecretMatcher.MAX_WINDOW - 2 * SecretMatcher.SLACK) {
                throw new IOException(where + ": maxLength must be between 16 and "
                        + (SecretMatcher.MAX_WINDOW - 2 * SecretMatcher.SLACK));
            }
            return new SecretRule(new Rule(id, category, severity, title, description == null ? title : description),
                    regex, regexSource, text(r, "prefilter"), secretGroup, strings(r, "keywords"),
                    r.path("entropy").asDouble(0), confidence.equals("high"), validator, paths, pathOnly, maxLength,
                    allow, strings(r, "tp"), strings(r, "fp"));
        } catch (PatternSyntaxException e) {
            throw new IOException(where + ": invalid regex (" + e.getDescription() + " near index " + e.getIndex() + ")");
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage());
        }
    }

    private static Category category(String text, String where) throws IOException {
        if (text == null) {
            return Category.EMBEDDED_SECRET;
        }
        return Arrays.stream(Category.values()).filter(c -> c.id().equals(text)).findFirst()
                .orElseThrow(() -> new IOException(where + ": unknown category \"" + text + "\""));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = n.get(field);
        if (v != null && v.isArray()) {
            v.forEach(e -> out.add(e.asText()));
        } else if (v != null && v.isTextual()) {
            out.add(v.asText());
        }
        return out;
    }
}
