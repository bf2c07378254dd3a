package dev.contraband.detect.miner;

import dev.contraband.detect.Finding;
import dev.contraband.detect.ImageContext;
import dev.contraband.detect.ImageDetector;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;
import dev.contraband.detect.shell.ConfigTexts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
        List<ConfigTexts.Text> texts = ConfigTexts.of(image);
        List<MinerScan.Result> results = new ArrayList<>();
        boolean context = false;
        for (ConfigTexts.Text t : texts) {
            MinerScan scan = new MinerScan(MinerEngine.builtIn());
            // "POOL=stratum+tcp://…": the value as a word of its own, as a command line would have it.
            byte[] bytes = t.text().replaceFirst("^([A-Za-z_][A-Za-z0-9_]*)=", "$1 ").getBytes(StandardCharsets.UTF_8);
            scan.update(bytes, 0, bytes.length);
            scan.finish();
            MinerScan.Result r = scan.result();
            results.add(r);
            context |= r.minerContext();
        }
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Location at = texts.get(i).location();
            MinerFindings.report(results.get(i), null, texts.get(i).where(), null, line -> at, context, out::add);
        }
        return out;
    }
}
