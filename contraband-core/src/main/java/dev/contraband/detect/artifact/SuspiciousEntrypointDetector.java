package dev.contraband.detect.artifact;

import dev.contraband.detect.Finding;
import dev.contraband.detect.ImageContext;
import dev.contraband.detect.ImageDetector;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;
import dev.contraband.detect.shell.CommandLine;

import java.util.ArrayList;
import java.util.List;

/**
 * An ENTRYPOINT or CMD that runs a program from a temporary or hidden folder, whether it names the program
 * directly or inside a shell command ({@code sh -c "…; /tmp/x"}).
 */
public final class SuspiciousEntrypointDetector implements ImageDetector {
    @Override
    public String id() {
        return "suspicious-entrypoint";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<Rule> rules() {
        return List.of(ArtifactRules.ENTRYPOINT_FROM_TEMP, ArtifactRules.ENTRYPOINT_FROM_HIDDEN);
    }

    @Override
    public List<Finding> analyze(ImageContext image) {
        List<Finding> out = new ArrayList<>();
        String workingDir = image.config().workingDir();
        check("Entrypoint", image.config().entrypoint(), workingDir, out);
        check("Cmd", image.config().cmd(), workingDir, out);
        return out;
    }

    private static void check(String field, List<String> argv, String workingDir, List<Finding> out) {
        if (argv.isEmpty()) {
            return;
        }
        String line = String.join(" ", argv);
        Location at = new Location.Config(field);
        for (String word : CommandLine.programs(argv)) {
            // ./x and bin/x run relative to WorkingDir; a bare name is looked up on PATH, not here.
            String program = !word.startsWith("/") && word.contains("/") && workingDir != null && workingDir.startsWith("/")
                    ? java.nio.file.Path.of(workingDir).resolve(word).normalize().toString() : word;
            String temp = SuspiciousPlaces.tempDir(program);
            if (temp != null) {
                out.add(Finding.of(ArtifactRules.ENTRYPOINT_FROM_TEMP, at,
                        field + " runs " + program + " from temporary folder " + temp, line, null, program));
                return;
            }
            String hidden = SuspiciousPlaces.hiddenDir(program);
            if (hidden != null) {
                out.add(Finding.of(ArtifactRules.ENTRYPOINT_FROM_HIDDEN, at,
                        field + " runs " + program + " from hidden folder " + hidden, line, null, program));
                return;
            }
        }
    }
}
