package dev.contraband.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NameCheckCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    /** Runs the CLI in this JVM; the reference set is whatever the user has, so only built-in-stable names are used. */
    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Runs the CLI in a child JVM with its own XDG_DATA_HOME, so that `names update` cannot touch the user's copy. */
    private Run runIsolated(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        pb.redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile());
        int exit = pb.start().waitFor();
        return new Run(exit, Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void nameCheck_impostor_exitsOneAndNamesTarget() {
        Run r = run("name-check", "libary/nginx", "nginx");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("library/nginx").contains("namespace-look-alike");
    }

    @Test
    void nameCheck_genuineNames_exitZero() {
        assertThat(run("name-check", "nginx", "bitnami/redis", "grafana/loki:3").exit()).isZero();
    }

    @Test
    void nameCheck_reuseIsLow_failsOnlyWithFailOnLow() {
        assertThat(run("name-check", "vibersastra/ubuntu").exit()).isZero();
        assertThat(run("name-check", "--fail-on", "low", "vibersastra/ubuntu").exit()).isEqualTo(1);
    }

    @Test
    void nameCheck_json_isArrayOfTheContractFields() throws Exception {
        Run r = run("name-check", "--format", "json", "node-js", "nginx");
        JsonNode a = JsonMapper.builder().build().readTree(r.out());
        assertThat(a.isArray()).isTrue();
        assertThat(a.get(0).get("name").asText()).isEqualTo("node-js");
        assertThat(a.get(0).get("impersonates").asText()).isEqualTo("library/node");
        assertThat(a.get(0).get("technique").asText()).isEqualTo("separator");
        assertThat(a.get(0).get("severity").asText()).isEqualTo("medium");
        assertThat(a.get(1).get("impersonates").isNull()).isTrue();
        assertThat(a.get(1).get("technique").isNull()).isTrue();
        assertThat(a.get(1).get("severity").isNull()).isTrue();
    }

    @Test
    void nameCheck_invalidName_exitsTwoWithOneLine() {
        Run r = run("name-check", "nginx", "Bad/Name");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString().contains("Bad/Name").contains("lower-case");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void nameCheck_noNamesOrBadFormat_exitsTwo() {
        assertThat(run("name-check").exit()).isEqualTo(2);
        assertThat(run("name-check", "--format", "xml", "nginx").exit()).isEqualTo(2);
    }

    @Test
    void nameCheck_allowList_silencesAMirror() throws Exception {
        Path allow = Files.writeString(dir.resolve("allow.txt"), "mirror.example.com/*\n");
        assertThat(run("name-check", "--allow", allow.toString(), "mirror.example.com/libary/ngnix").exit()).isZero();
        assertThat(run("name-check", "--allow", dir.resolve("missing").toString(), "nginx").exit()).isEqualTo(2);
    }

    @Test
    void nameCheck_namesFromFile_areChecked() throws Exception {
        Path names = Files.writeString(dir.resolve("names.txt"), "# a comment\nnginx\n\nngnix\n");
        Run r = run("name-check", "--names-from", names.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("2 names checked, 1 poses");
    }

    @Test
    void help_hasExamples() {
        assertThat(run("name-check", "--help").out()).contains("Examples:").contains("--format").contains("--allow");
    }

    @Test
    void namesUpdate_installsCopyThatNameCheckThenUses() throws Exception {
        Path set = Files.writeString(dir.resolve("set.txt"), "[official-images]\nacmeapp\n[verified-publishers]\nacme\n");
        Run update = runIsolated("names", "update", "--from", set.toString());
        assertThat(update.exit()).as(update.err()).isZero();
        assertThat(Files.exists(dir.resolve("data/contraband/reference-names.txt"))).isTrue();
        assertThat(runIsolated("name-check", "x/acmeap").exit()).isEqualTo(1);
        assertThat(runIsolated("name-check", "x/ngnix").exit()).isZero();
        assertThat(runIsolated("names", "show").out()).contains("1 official images");
        assertThat(runIsolated("names", "reset").exit()).isZero();
        assertThat(runIsolated("name-check", "x/ngnix").exit()).isEqualTo(1);
    }

    @Test
    void namesUpdate_invalidFile_exitsTwoAndInstallsNothing() throws Exception {
        Path set = Files.writeString(dir.resolve("set.txt"), "[official-images]\nNOPE\n");
        Run r = runIsolated("names", "update", "--from", set.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("set.txt:2:");
        assertThat(Files.exists(dir.resolve("data/contraband/reference-names.txt"))).isFalse();
    }
}
