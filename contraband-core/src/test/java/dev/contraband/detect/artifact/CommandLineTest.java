package dev.contraband.detect.artifact;

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
}
