package dev.contraband.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.contraband.cli.CatalogFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The HTML report is one self-contained file whose SVG charts Debian's headless chromium renders. */
class CatalogHtmlTest {
    @Test
    void reportHtml_renderedByChromium_hasItsCharts() throws Exception {
        String host = CatalogFixtures.registry();
        Path work = CatalogFixtures.tempDir();
        String db = work.resolve("h.db").toString();
        assertThat(run(work, "catalog", "scan", "--registry", host, "--db", db, "--rate-limit", "0").exitCode()).isZero();
        Path html = work.resolve("report.html");
        CatalogFixtures.Proc p = run(work, "catalog", "report", "--db", db, "--format", "html", "-o", html.toString());
        assertThat(p.exitCode()).as(p.stderr()).isZero();
        String page = Files.readString(html);
        assertThat(page).doesNotContainPattern("(?i)\\s(src|href)\\s*=").doesNotContain("<script");

        String dom = chromium(work, "--dump-dom", html.toUri().toString());
        List<String> charts = new ArrayList<>();
        Matcher m = Pattern.compile("<svg[^>]*data-chart=\"([a-z-]+)\"").matcher(dom);
        while (m.find()) {
            charts.add(m.group(1));
        }
        assertThat(charts).contains("verdicts", "categories", "layers", "namespace-histogram", "namespaces");
        Matcher bars = Pattern.compile("<rect class=\"bar\"").matcher(dom);
        int n = 0;
        while (bars.find()) {
            n++;
        }
        assertThat(n).isGreaterThan(15);
        assertThat(dom).contains("evil");

        Path png = work.resolve("report.png");
        chromium(work, "--screenshot=" + png, "--window-size=1200,2400", html.toUri().toString());
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    static String chromium(Path work, String... args) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(chromium)) {
            fail("Debian's chromium is not installed: scripts/test.sh installs it (apt-get install -y chromium)");
        }
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(work, "chromium")));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(work, "chromium", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish");
        }
        assertThat(p.exitValue()).isZero();
        return Files.readString(out);
    }
}
