package dev.contraband.detect.miner;

import dev.contraband.detect.Finding;
import dev.contraband.detect.ImageContext;
import dev.contraband.detect.ImageDetector;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;
import dev.contraband.image.HistoryEntry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Miners in the image config: stratum URLs, miner command lines and wallets in ENTRYPOINT/CMD, Env, labels and
 * history ({@code RUN ./xmrig -o …}), with the same engine as files. A wallet counts as in a miner context when
 * anything in the config is miner settings.
 */
public final class MinerConfigDetector implements ImageDetector {
    @Override
    public String id() {
        return "miners-config";
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
        Map<Location, String> texts = new LinkedHashMap<>();
        if (!image.config().command().isEmpty()) {
            texts.put(new Location.Config(image.config().entrypoint().isEmpty() ? "Cmd" : "Entrypoint"),
                    String.join(" ", image.config().command()));
        }
        List<String> env = image.config().env();
        for (int i = 0; i < env.size(); i++) {
            texts.put(new Location.Config("Env[" + i + "]"), env.get(i).replaceFirst("=", " "));
        }
        image.config().labels().forEach((k, v) -> texts.put(new Location.Config("Labels." + k), v));
        List<HistoryEntry> history = image.config().history();
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).createdBy() != null) {
                texts.put(new Location.History(i, null), history.get(i).createdBy());
            }
        }
        Map<Location, MinerScan.Result> results = new LinkedHashMap<>();
        boolean context = false;
        for (Map.Entry<Location, String> t : texts.entrySet()) {
            MinerScan scan = new MinerScan(MinerEngine.builtIn());
            byte[] bytes = t.getValue().getBytes(StandardCharsets.UTF_8);
            scan.update(bytes, 0, bytes.length);
            scan.finish();
            MinerScan.Result r = scan.result();
            results.put(t.getKey(), r);
            context |= r.minerContext();
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<Location, MinerScan.Result> r : results.entrySet()) {
            Location at = r.getKey();
            String where = switch (at) {
                case Location.History h -> "history step " + h.entry();
                case Location.Config c -> c.field();
                default -> "config";
            };
            MinerFindings.report(r.getValue(), null, where, null, line -> at, context, out::add);
        }
        return out;
    }
}
