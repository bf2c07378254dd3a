package dev.contraband.cli;

import dev.contraband.sample.ImageBuilder;
import dev.contraband.sample.ImageWriter;
import dev.contraband.sample.LayerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** --feed, --hash-feed and `feeds list` end to end through the command line. */
class IndicatorOptionsTest {
    @TempDir
    Path tmp;

    private String image() throws IOException {
        Path layout = tmp.resolve("img");
        ImageWriter.ociLayout(layout, "t", ImageBuilder.create()
                .layer(LayerBuilder.create().file("/etc/app.conf", "endpoint = https://beacon.badcorp.example/p\n"))
                .build());
        return "oci:" + layout + ":t";
    }

    @Test
    void scan_feedWithCategory_findingWithWholeIndicatorInJson() throws IOException {
        Path feed = tmp.resolve("intel.txt");
        Files.writeString(feed, "# source: test\nbadcorp.example\n");
        Fixtures.Run r = Fixtures.run("scan", image(), "--feed", "malicious-website=" + feed, "-f", "json", "--no-progress");
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(1);
        assertThat(r.stdout()).contains("\"ruleId\" : \"network.malicious-website\"").contains("beacon.badcorp.example");
    }

    @Test
    void scan_badFeedOrCategory_exit2WithOneLine() throws IOException {
        Fixtures.Run missing = Fixtures.run("scan", image(), "--feed", tmp.resolve("nope.txt").toString(), "--no-progress");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("nope.txt");
        Fixtures.Run category = Fixtures.run("scan", image(), "--feed", "bogus=" + tmp.resolve("x.txt"), "--no-progress");
        assertThat(category.exitCode()).isEqualTo(2);
        assertThat(category.stderr()).contains("unknown category \"bogus\"");
    }

    @Test
    void feedsList_showsBuiltInFeedsWithDates() {
        Fixtures.Run r = Fixtures.run("feeds", "list", "--feeds-dir", tmp.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("mining-pools", "cryptomining", "dynamic-dns", "proxy-avoidance");
    }
}
