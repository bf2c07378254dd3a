package dev.contraband.detect.shell;

import dev.contraband.detect.ImageContext;
import dev.contraband.detect.Location;
import dev.contraband.image.HistoryEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * The texts of an image config that say what a container runs or is told, each with its location: the command
 * (ENTRYPOINT then CMD, joined), every {@code Env} assignment, every label value and every history step.
 */
public final class ConfigTexts {
    /** One text and where it is. */
    public record Text(Location location, String where, String text) {
    }

    private ConfigTexts() {
    }

    public static List<Text> of(ImageContext image) {
        List<Text> out = new ArrayList<>();
        var config = image.config();
        if (!config.command().isEmpty()) {
            String field = config.entrypoint().isEmpty() ? "Cmd" : "Entrypoint";
            out.add(new Text(new Location.Config(field), field, String.join(" ", config.command())));
        }
        for (int i = 0; i < config.env().size(); i++) {
            out.add(new Text(new Location.Config("Env[" + i + "]"), "Env[" + i + "]", config.env().get(i)));
        }
        config.labels().forEach((k, v) -> out.add(new Text(new Location.Config("Labels." + k), "label " + k, v)));
        List<HistoryEntry> history = config.history();
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).createdBy() != null) {
                out.add(new Text(new Location.History(i, null), "history step " + i, history.get(i).createdBy()));
            }
        }
        return out;
    }
}
