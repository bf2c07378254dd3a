package dev.contraband.detect.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.layer.Compression;
import dev.contraband.report.JsonReporter;
import dev.contraband.report.ReportFormat;
import dev.contraband.sample.ImageBuilder;
import dev.contraband.sample.ImageWriter;
import dev.contraband.sample.LayerBuilder;
import dev.contraband.sample.SampleElf;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets through the whole pipeline: layers, deletions, config, history, binaries, context and redaction. */
class SecretDetectionTest {
    @TempDir
    Path tmp;

    private final SampleTemplates templates = new SampleTemplates(42);
    private final String token = templates.expand("ghp_{{alnum:36}}").content();
    private final String awsSecret = templates.expand("{{base64:40}}").content();

    private ImageReport scan(ImageBuilder b) throws IOException {
        ImageWriter.ociLayout(tmp.resolve("img"), "t", b.build());
        return Scans.scan("oci:" + tmp.resolve("img"));
    }

    private static Finding only(ImageReport r, String ruleId) {
        List<Finding> f = r.findings().stream().filter(x -> x.rule().id().equals(ruleId)).toList();
        assertThat(f).as(ruleId + " in " + r.findings()).hasSize(1);
        return f.getFirst();
    }

    @Test
    void scan_secretInFileDeletedLater_reportedDeletedWithItsLayerAndLine() throws IOException {
        ImageReport r = scan(ImageBuilder.create()
                .layer(LayerBuilder.create().file("/root/.config/gh/hosts.yml", "github.com:\n  user: me\n  oauth_token: " + token + "\n"),
                        Compression.GZIP, "COPY hosts.yml")
                .layer(LayerBuilder.create().whiteout("/root/.config/gh/hosts.yml"), Compression.GZIP, "RUN rm hosts.yml"));
        Finding f = only(r, "secret.github-token");
        Location.File at = (Location.File) f.location();
        assertThat(at.deleted()).isTrue();
        assertThat(at.layer().index()).isZero();
        assertThat(at.line()).isEqualTo(3);
        assertThat(f.severity().id()).isEqualTo("critical");
        assertThat(r.verdict().status().id()).isEqualTo("malicious");
    }

    @Test
    void scan_envAndHistory_reportedWithConfigAndHistorySources() throws IOException {
        ImageReport r = scan(ImageBuilder.create()
                .layer(LayerBuilder.create().file("/etc/x", "x"), Compression.GZIP,
                        "/bin/sh -c echo aws_secret_access_key=" + awsSecret + " > /root/.aws/credentials")
                .env("GITHUB_TOKEN=" + token));
        assertThat(only(r, "secret.github-token").location()).isEqualTo(new Location.Config("Env[0]"));
        Location history = only(r, "secret.aws-secret-access-key").location();
        assertThat(history).isInstanceOf(Location.History.class);
        assertThat(((Location.History) history).layer().index()).isZero();
    }

    @Test
    void scan_tokenInBinary_highConfidenceRulesOnly() throws IOException {
        byte[] elf = SampleElf.program();
        String strings = "\0password = \"" + templates.expand("{{alnum:24}}").content() + "\"\0" + token + "\0";
        byte[] binary = new byte[elf.length + strings.length()];
        System.arraycopy(elf, 0, binary, 0, elf.length);
        System.arraycopy(strings.getBytes(StandardCharsets.ISO_8859_1), 0, binary, elf.length, strings.length());
        ImageReport r = scan(ImageBuilder.create()
                .layer(LayerBuilder.create().file("/usr/local/bin/tool", binary, 0755), Compression.ZSTD, "COPY tool"));
        assertThat(r.findings()).extracting(f -> f.rule().id())
                .contains("secret.github-token").doesNotContain("secret.generic-password-assignment");
        assertThat(only(r, "secret.github-token").location()).isEqualTo(
                new Location.File("/usr/local/bin/tool", null, ((Location.File) only(r, "secret.github-token").location()).layer(), false));
    }

    @Test
    void scan_testFixture_keptWithLowerSeverityAndContext() throws IOException {
        ImageReport r = scan(ImageBuilder.create()
                .layer(LayerBuilder.create().file("/app/node_modules/lib/test/fixtures/key.txt", "token " + token),
                        Compression.GZIP, "COPY app"));
        Finding f = only(r, "secret.github-token");
        assertThat(f.context()).isEqualTo("test-fixture");
        assertThat(f.severity().id()).isEqualTo("low");
        assertThat(r.verdict().status().id()).isEqualTo("clean");
    }

    @Test
    void everyFormat_neverPrintsTheSecret() throws IOException {
        ImageReport r = scan(ImageBuilder.create()
                .layer(LayerBuilder.create().file("/app/.env", "TOKEN=" + token + "\n"), Compression.GZIP, "COPY .env")
                .env("AWS_SECRET_ACCESS_KEY=" + awsSecret));
        assertThat(r.findings()).isNotEmpty();
        for (ReportFormat format : ReportFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            format.reporter(false).write(List.of(r), true, out);
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(text).as(format.name()).doesNotContain(token).doesNotContain(token.substring(4, 20))
                    .doesNotContain(awsSecret).contains("ghp_…(40 chars)");
        }
        JsonNode doc = new ObjectMapper().readTree(JsonReporter.toJson(r).toString());
        for (JsonNode f : doc.get("findings")) {
            assertThat(f.get("fingerprint").asText()).hasSize(64);
        }
    }

    @Test
    void redact_showsAtMostAQuarterAndTheLength() {
        assertThat(Redactor.redact("ghp_abcdefghijklmnopqrstuvwxyz0123456789")).isEqualTo("ghp_…(40 chars)");
        assertThat(Redactor.redact("hunter2!")).isEqualTo("hu…(8 chars)");
    }
}
