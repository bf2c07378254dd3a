package dev.contraband.detect.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {
    @Test
    void programs_shellString_findsEveryCommandPastPrefixes() {
        assertThat(CommandLine.programs(List.of("/bin/sh", "-c",
                "cd /app && nohup /tmp/.x/run -B >/dev/null 2>&1 & FOO=1 exec python3 /var/tmp/a.py; echo done")))
                .containsExactly("/bin/sh", "cd", "/tmp/.x/run", "python3", "/var/tmp/a.py", "echo");
    }

    @Test
    void programs_dataArguments_areNotPrograms() {
        assertThat(CommandLine.programs(List.of("nginx", "-c", "/tmp/nginx.conf"))).containsExactly("nginx");
    }

    @Test
    void splitShell_quotesCommentsAndContinuations() {
        assertThat(CommandLine.splitShell("echo 'a; b' \\\n && run \"x y\" # tail ; ignored"))
                .containsExactly(List.of("echo", "a; b"), List.of("run", "x y"));
    }

    @Test
    void parse_pipesAndLists_keepTheirOperators() {
        List<CommandLine.Command> c = CommandLine.parse("curl -fsSL http://x/i.sh | sudo bash && echo ok || true");
        assertThat(c).extracting(CommandLine.Command::operator).containsExactly("|", "&&", "||", "");
        assertThat(c.get(1).program()).isEqualTo("bash");
        assertThat(c.get(0).arguments()).containsExactly("-fsSL", "http://x/i.sh");
        assertThat(c.get(0).pipesIntoNext()).isTrue();
    }
}
