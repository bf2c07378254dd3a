package dev.contraband.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contraband.image.Digest;
import dev.contraband.image.HistoryEntry;
import dev.contraband.image.ImageConfig;
import dev.contraband.image.ImageException;
import dev.contraband.image.Platform;

import java.util.ArrayList;
import java.util.List;

/** Parses an OCI image config or Docker image JSON, and maps its history onto layers. */
final class ConfigParser {
    private ConfigParser() {
    }

    static ImageConfig parse(byte[] bytes, String what) throws ImageException {
        JsonNode root = Json.parse(bytes, what);
        if (!root.isObject()) {
            throw new ImageException(what + ": image config is not a JSON object");
        }
        JsonNode config = root.get("config");
        List<HistoryEntry> history = new ArrayList<>();
        JsonNode h = root.get("history");
        if (h != null && h.isArray()) {
            for (JsonNode e : h) {
                history.add(new HistoryEntry(Json.text(e, "created"), Json.text(e, "created_by"),
                        Json.text(e, "comment"), e.path("empty_layer").asBoolean(false)));
            }
        }
        List<Digest> diffIds = new ArrayList<>();
        for (String d : Json.strings(root.get("rootfs"), "diff_ids")) {
            try {
                diffIds.add(Digest.parse(d));
            } catch (IllegalArgumentException e) {
                throw new ImageException(what + ": rootfs.diff_ids: " + e.getMessage());
            }
        }
        Platform platform = new Platform(Json.text(root, "os"), Json.text(root, "architecture"),
                Json.text(root, "variant"));
        return new ImageConfig(platform, Json.text(root, "created"),
                Json.strings(config, "Entrypoint"), Json.strings(config, "Cmd"), Json.strings(config, "Env"),
                Json.text(config, "User"), Json.keys(config, "ExposedPorts"), Json.stringMap(config, "Labels"),
                Json.text(config, "WorkingDir"), history, diffIds);
    }

    /**
     * The {@code created_by} of each layer: history entries without {@code empty_layer} belong, in order, to the
     * layers. When the history is shorter than the layer list (some builders omit it), the rest stay null.
     */
    static List<String> createdBy(ImageConfig config, int layerCount) {
        List<String> out = new ArrayList<>(layerCount);
        for (HistoryEntry e : config.history()) {
            if (!e.emptyLayer() && out.size() < layerCount) {
                out.add(e.createdBy());
            }
        }
        while (out.size() < layerCount) {
            out.add(null);
        }
        return out;
    }
}
