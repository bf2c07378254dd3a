package dev.contraband.detect.miner;

import dev.contraband.detect.OpaqueContent;
import dev.contraband.detect.FileAnalysis;
import dev.contraband.detect.FileDetector;
import dev.contraband.detect.FileEntry;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Miners in a layer's files: binaries by their agreeing strings, UPX-packed ELF files, stratum URLs, miner command
 * lines and wallet addresses in any file (through one Hyperscan database over the same chunks), and miner JSON
 * configurations (parsed whole, up to 1 MiB).
 */
public final class MinerFileDetector implements FileDetector {
    private static final long MAX_CONFIG = 1 << 20;

    /** Loads the signatures and compiles the engine now (it is otherwise built by the first file). */
    public static void prepare() {
        MinerEngine.builtIn();
    }

    @Override
    public String id() {
        return "miners";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String configuration() {
        return MinerSignatures.builtInHash();
    }

    @Override
    public List<Rule> rules() {
        return MinerRules.CONTENT;
    }

    @Override
    public boolean accepts(FileEntry entry) {
        return entry.isRegularFile() && entry.size() > 0;
    }

    @Override
    public FileAnalysis analyze(FileEntry entry) {
        boolean json = entry.path().endsWith(".json") && entry.size() <= MAX_CONFIG;
        return new Analysis(entry.path(), json ? new ByteArrayOutputStream() : null);
    }

    /** One file through the miner engine; a small JSON file is also kept whole, to be read as a miner config. */
    private static final class Analysis implements FileAnalysis {
        private final String path;
        private final ByteArrayOutputStream json;
        private final MinerScan scan = new MinerScan(MinerEngine.builtIn());

        Analysis(String path, ByteArrayOutputStream json) {
            this.path = path;
            this.json = json;
            this.gate = new OpaqueContent.Gate(path);
        }

        private final OpaqueContent.Gate gate;

        @Override
        public void update(byte[] chunk, int offset, int length) {
            if (gate.skip(chunk, offset, length)) {
                return;
            }
            scan.update(chunk, offset, length);
            if (json != null) {
                json.write(chunk, offset, length);
            }
        }

        @Override
        public boolean wantsMore() {
            return !gate.skipped() && (scan.wantsMore() || json != null);
        }

        @Override
        public void finish(Consumer<Finding> out) {
            scan.finish();
            MinerScan.Result r = scan.result();
            MinerFindings.Config config = json == null ? null : MinerFindings.config(json.toByteArray());
            if (config != null) {
                List<MinerScan.Item> wallets = new ArrayList<>(r.wallets());
                for (MinerScan.Item w : MinerFindings.configWallets(config)) {
                    if (wallets.stream().noneMatch(x -> x.value().equals(w.value()))) {
                        wallets.add(w);
                    }
                }
                r = new MinerScan.Result(r.binary(), r.upx(), r.stratum(), r.commands(), wallets, r.binaryFile());
            }
            MinerFindings.report(r, config, path, path, line -> new Location.File(path, line), false, out);
        }
    }
}
