package dev.contraband.detect.secret;

import dev.contraband.detect.Finding;
import dev.contraband.detect.ImageContext;
import dev.contraband.detect.ImageDetector;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;
import dev.contraband.image.HistoryEntry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Secrets in the image config: {@code Env} values (tokens passed as build-time ENV), labels, and history
 * {@code created_by} lines ({@code RUN echo $TOKEN}, leaked build args), with the same rules as files.
 */
public final class SecretConfigDetector implements ImageDetector {
    private final SecretRuleSet rules;

    public SecretConfigDetector(SecretRuleSet rules) {
        this.rules = rules;
    }

    public SecretConfigDetector() {
        this(SecretRuleSet.builtIn());
    }

    @Override
    public String id() {
        return "secrets-config";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<Rule> rules() {
        return List.of();
    }

    @Override
    public List<Finding> analyze(ImageContext image) {
        List<Finding> out = new ArrayList<>();
        List<String> env = image.config().env();
        for (int i = 0; i < env.size(); i++) {
            scan(env.get(i), new Location.Config("Env[" + i + "]"), "Env " + name(env.get(i)), out);
        }
        image.config().labels().forEach((k, v) ->
                scan(k + "=" + v, new Location.Config("Labels." + k), "label " + k, out));
        List<HistoryEntry> history = image.config().history();
        for (int i = 0; i < history.size(); i++) {
            String createdBy = history.get(i).createdBy();
            if (createdBy != null) {
                scan(createdBy, new Location.History(i, null), "history step " + i, out);
            }
        }
        return out;
    }

    private static String name(String assignment) {
        int eq = assignment.indexOf('=');
        return eq < 0 ? assignment : assignment.substring(0, eq);
    }

    private void scan(String text, Location location, String where, List<Finding> out) {
        SecretScan scan = rules.matcher().open("/config");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        scan.update(bytes, 0, bytes.length);
        for (SecretScan.Candidate c : scan.finish()) {
            out.add(SecretFindings.of(c.rule(), location, where, c.secret(), null));
        }
    }
}
