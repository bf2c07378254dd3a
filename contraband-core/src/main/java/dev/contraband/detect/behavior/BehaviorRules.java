package dev.contraband.detect.behavior;

import dev.contraband.detect.Category;
import dev.contraband.detect.Rule;
import dev.contraband.detect.Severity;

import java.util.List;

/** The rules of the behaviour family. */
public final class BehaviorRules {
    public static final Rule PIPE_TO_SHELL = new Rule("behavior.download-piped-to-shell", Category.DYNAMIC_DOWNLOAD,
            Severity.HIGH, "Download piped into a shell",
            "curl or wget output goes straight into a shell or interpreter: what runs is decided by a server at run time.");
    public static final Rule DOWNLOAD_RUN = new Rule("behavior.download-chmod-run", Category.DYNAMIC_DOWNLOAD,
            Severity.HIGH, "Download made executable and run",
            "A file is downloaded, made executable and run: the image's real payload is fetched when it starts.");
    public static final Rule ADD_REMOTE = new Rule("behavior.add-remote-executable", Category.DYNAMIC_DOWNLOAD,
            Severity.MEDIUM, "ADD of a remote executable",
            "A Dockerfile ADD fetched an executable from a URL at build time; nothing pins what it was.");
    public static final Rule DECODE_TO_SHELL = new Rule("behavior.decoded-into-shell", Category.DYNAMIC_DOWNLOAD,
            Severity.HIGH, "Encoded payload decoded into a shell",
            "base64 or hex data is decoded into a shell or eval: the classic way to hide what a script runs.");
    public static final Rule REVERSE_SHELL = new Rule("behavior.reverse-shell", Category.BACKDOOR, Severity.CRITICAL,
            "Reverse shell", "A shell connected to a remote host (/dev/tcp, nc -e, socat exec:, python/perl socket with a pty).");
    public static final Rule PERSISTENCE = new Rule("behavior.persistence", Category.BACKDOOR, Severity.HIGH,
            "Persistence that downloads or runs a miner",
            "A cron entry, systemd unit, rc or profile file downloads code, runs a miner, or runs a program from a temporary folder.");
    public static final Rule SECOND_ROOT = new Rule("behavior.second-root-account", Category.BACKDOOR, Severity.CRITICAL,
            "Second uid-0 account", "An /etc/passwd account other than root has uid 0: a root backdoor login.");
    public static final Rule SSHD_ROOT_PASSWORD = new Rule("behavior.sshd-root-password-login", Category.BACKDOOR,
            Severity.HIGH, "sshd permits root password login",
            "sshd_config has PermitRootLogin yes without PasswordAuthentication no: root can log in with a password.");
    public static final Rule PROXY_TOOL = new Rule("behavior.proxy-tool", Category.PROXY_AVOIDANCE, Severity.LOW,
            "Proxy or tunnel tool", "A tunnel, proxy or anonymiser (tor, frp, gost, chisel, ngrok, proxychains). Low alone; "
            + "the verdict counts it as medium next to other evidence.");
    public static final Rule HACKING_TOOL = new Rule("behavior.hacking-tool", Category.HACKING_TOOL, Severity.LOW,
            "Hacking tool", "A scanner, password cracker or exploitation framework (masscan, zmap, hydra, sqlmap, metasploit). "
            + "Low alone; the verdict counts it as medium next to other evidence.");

    static final List<Rule> FILE = List.of(PIPE_TO_SHELL, DOWNLOAD_RUN, DECODE_TO_SHELL, REVERSE_SHELL, PERSISTENCE,
            SECOND_ROOT, SSHD_ROOT_PASSWORD, PROXY_TOOL, HACKING_TOOL);
    static final List<Rule> CONFIG = List.of(ADD_REMOTE);

    private BehaviorRules() {
    }
}
