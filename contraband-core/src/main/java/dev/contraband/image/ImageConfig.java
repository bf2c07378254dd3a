package dev.contraband.image;

import java.util.List;
import java.util.Map;

/**
 * The parts of an image configuration (OCI image config / Docker v1 image JSON) that detectors and reports use.
 * Lists and maps are never null.
 */
public record ImageConfig(
        Platform platform,
        String created,
        List<String> entrypoint,
        List<String> cmd,
        List<String> env,
        String user,
        List<String> exposedPorts,
        Map<String, String> labels,
        String workingDir,
        List<HistoryEntry> history,
        List<Digest> diffIds) {

    public ImageConfig {
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        env = List.copyOf(env);
        exposedPorts = List.copyOf(exposedPorts);
        labels = Map.copyOf(labels);
        history = List.copyOf(history);
        diffIds = List.copyOf(diffIds);
    }

    /** A config with nothing in it, as for a {@code dir:} target. */
    public static ImageConfig empty(Platform platform, List<Digest> diffIds) {
        return new ImageConfig(platform, null, List.of(), List.of(), List.of(), null, List.of(), Map.of(), null,
                List.of(), diffIds);
    }

    /** Entrypoint followed by Cmd: what the container runs when started without arguments. */
    public List<String> command() {
        return java.util.stream.Stream.concat(entrypoint.stream(), cmd.stream()).toList();
    }
}
