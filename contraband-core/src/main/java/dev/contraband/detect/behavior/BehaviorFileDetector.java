package dev.contraband.detect.behavior;

import dev.contraband.detect.FileAnalysis;
import dev.contraband.detect.FileDetector;
import dev.contraband.detect.FileEntry;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;
import dev.contraband.detect.miner.Documentation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Behaviour in a layer's scripts and start-up files: shell scripts (by extension or {@code #!}), crontabs, systemd
 * units, rc and profile files (persistence that downloads or runs a miner), {@code /etc/passwd} (a second uid-0
 * account), {@code sshd_config} (root password login); and proxy/tunnel and hacking tools by program name and by
 * the package databases (dpkg, apk). Text files up to 1 MiB are read whole.
 */
public final class BehaviorFileDetector implements FileDetector {
    private static final long MAX_TEXT = 1 << 20;
    private static final Pattern CRON = Pattern.compile("^/etc/crontab$|^/etc/cron\\.(d|hourly|daily|weekly|monthly)/|^/var/spool/cron/");
    private static final Pattern SYSTEMD = Pattern.compile("^/(etc|lib|usr/lib|run)/systemd/(system|user)/.*\\.(service|timer|socket)$|/\\.config/systemd/user/.*\\.service$");
    private static final Pattern RC = Pattern.compile("^/etc/rc\\.local$|^/etc/rc[0-6S]?\\.d/|^/etc/init\\.d/|^/etc/profile$|^/etc/profile\\.d/"
            + "|^/etc/bash\\.bashrc$|^/etc/environment$|^/etc/zsh/|(^/root|^/home/[^/]+)/\\.(bashrc|profile|bash_profile|bash_login|zshrc)$");
    private static final Pattern SCRIPT = Pattern.compile("\\.(sh|bash|zsh|ksh|py|pl|rb|php)$");
    private static final Pattern SSHD = Pattern.compile("^/etc/ssh/sshd_config(\\.d/.*\\.conf)?$");
    private static final Pattern BIN_DIR = Pattern.compile("^(/usr(/local)?)?/s?bin/|^/opt/|^/root/|^/home/|^/tmp/|^/app/");
    private static final Pattern PACKAGE_DB = Pattern.compile("^/var/lib/dpkg/status$|^/lib/apk/db/installed$");
    static final Set<String> PROXY_TOOLS = Set.of("tor", "frpc", "frps", "gost", "chisel", "ngrok", "proxychains",
            "proxychains4", "proxychains-ng", "3proxy", "microsocks", "v2ray", "xray", "ss-local", "ss-server",
            "shadowsocks-libev", "cloudflared", "iodine", "dns2tcp", "sshuttle", "rathole", "nps", "npc");
    static final Set<String> HACKING_TOOLS = Set.of("masscan", "zmap", "hydra", "sqlmap", "msfconsole", "msfvenom",
            "metasploit-framework", "nikto", "john", "hashcat", "medusa", "responder", "crackmapexec", "ncrack",
            "thc-hydra", "zgrab", "zgrab2", "pnscan", "xhydra", "dirb", "gobuster", "wpscan");

    @Override
    public String id() {
        return "behavior";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<Rule> rules() {
        return BehaviorRules.FILE;
    }

    private enum Kind { CRON, SYSTEMD, RC, SCRIPT, PASSWD, SSHD, PACKAGES, MAYBE_SCRIPT, NONE }

    private static Kind kind(FileEntry e) {
        String p = e.path();
        if (CRON.matcher(p).find()) {
            return Kind.CRON;
        }
        if (SYSTEMD.matcher(p).find()) {
            return Kind.SYSTEMD;
        }
        if (RC.matcher(p).find()) {
            return Kind.RC;
        }
        if (p.equals("/etc/passwd")) {
            return Kind.PASSWD;
        }
        if (SSHD.matcher(p).matches()) {
            return Kind.SSHD;
        }
        if (PACKAGE_DB.matcher(p).matches()) {
            return Kind.PACKAGES;
        }
        if (p.startsWith("/usr/share/") || p.startsWith("/usr/lib/") || p.startsWith("/usr/include/") || p.startsWith("/var/lib/")) {
            // Libraries and their data (perl's unicore tables, python modules): code that a program imports, not
            // what an image runs; start-up places above are still read.
            return Kind.NONE;
        }
        if (SCRIPT.matcher(p).find()) {
            return Kind.SCRIPT;
        }
        return e.isExecutable() && e.size() <= MAX_TEXT ? Kind.MAYBE_SCRIPT : Kind.NONE;
    }

    private static Rule tool(FileEntry e) {
        if (!e.isExecutable() || !BIN_DIR.matcher(e.path()).find()) {
            return null;
        }
        String name = e.name().toLowerCase(Locale.ROOT);
        return PROXY_TOOLS.contains(name) ? BehaviorRules.PROXY_TOOL : HACKING_TOOLS.contains(name) ? BehaviorRules.HACKING_TOOL : null;
    }

    @Override
    public boolean accepts(FileEntry entry) {
        if (!entry.isRegularFile() || entry.size() == 0) {
            return false;
        }
        Kind kind = kind(entry);
        return kind != Kind.NONE && entry.size() <= (kind == Kind.PACKAGES ? 64L << 20 : MAX_TEXT) || tool(entry) != null;
    }

    @Override
    public FileAnalysis analyze(FileEntry entry) {
        Kind kind = kind(entry);
        Rule tool = tool(entry);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        String path = entry.path();
        return new FileAnalysis() {
            boolean skip;

            @Override
            public void update(byte[] chunk, int offset, int length) {
                if (content.size() == 0 && kind == Kind.MAYBE_SCRIPT && (length < 2 || chunk[offset] != '#' || chunk[offset + 1] != '!')) {
                    skip = true;
                }
                if (!skip && kind != Kind.NONE) {
                    content.write(chunk, offset, length);
                }
            }

            @Override
            public boolean wantsMore() {
                return !skip && kind != Kind.NONE;
            }

            @Override
            public void finish(Consumer<Finding> out) {
                if (tool != null) {
                    out.accept(Finding.of(tool, new Location.File(path, null),
                            (tool == BehaviorRules.PROXY_TOOL ? "proxy/tunnel tool " : "hacking tool ") + entry.name() + " at " + path,
                            entry.name(), null, entry.name()));
                }
                if (skip || kind == Kind.NONE || content.size() == 0) {
                    return;
                }
                byte[] bytes = content.toByteArray();
                for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
                    if (bytes[i] == 0) {
                        return; // binary
                    }
                }
                String text = new String(bytes, StandardCharsets.UTF_8);
                switch (kind) {
                    case PASSWD -> passwd(text, path, out);
                    case SSHD -> sshd(text, path, out);
                    case PACKAGES -> packages(text, path, out);
                    default -> script(text, kind, path, out);
                }
            }
        };
    }

    private static void script(String text, Kind kind, String path, Consumer<Finding> out) {
        for (ShellBehavior.Hit h : ShellBehavior.analyze(text, true)) {
            out.accept(Documentation.inContext(Finding.of(h.rule(), new Location.File(path, h.line()),
                    h.message() + " in " + path, cut(h.evidence()), null, h.evidence().strip()), path));
        }
        if (kind == Kind.CRON || kind == Kind.SYSTEMD || kind == Kind.RC) {
            for (var ll : ShellBehavior.logicalLines(text)) {
                String line = ShellBehavior.stripComment(ll.getValue());
                if (line.isBlank() || kind == Kind.SYSTEMD && !line.strip().matches("(?i)Exec(Start|StartPre|StartPost|Reload|Stop)=.*")) {
                    continue;
                }
                String why = ShellBehavior.suspicious(line);
                if (why != null) {
                    String what = kind == Kind.CRON ? "cron entry" : kind == Kind.SYSTEMD ? "systemd unit" : "start-up file";
                    out.accept(Finding.of(BehaviorRules.PERSISTENCE, new Location.File(path, ll.getKey()),
                            what + " " + path + " " + why, cut(line), null, line.strip()));
                }
            }
        }
    }

    private static void passwd(String text, String path, Consumer<Finding> out) {
        int n = 0;
        for (String line : text.split("\n")) {
            n++;
            String[] f = line.split(":", -1);
            if (f.length >= 4 && f[2].strip().equals("0") && !f[0].equals("root") && !f[0].startsWith("#")) {
                out.accept(Finding.of(BehaviorRules.SECOND_ROOT, new Location.File(path, n),
                        "account " + f[0] + " has uid 0 in " + path, f[0] + ":…:0:" + f[3], null, f[0]));
            }
        }
    }

    private static void sshd(String text, String path, Consumer<Finding> out) {
        Integer rootLine = null;
        boolean passwordOff = false;
        int n = 0;
        for (String raw : text.split("\n")) {
            n++;
            String line = raw.strip().toLowerCase(Locale.ROOT);
            if (line.startsWith("match ")) {
                break; // settings after Match apply to some connections only
            }
            if (line.matches("permitrootlogin\\s+yes\\b.*") && rootLine == null) {
                rootLine = n;
            }
            if (line.matches("passwordauthentication\\s+no\\b.*")) {
                passwordOff = true;
            }
        }
        if (rootLine != null && !passwordOff) {
            out.accept(Finding.of(BehaviorRules.SSHD_ROOT_PASSWORD, new Location.File(path, rootLine),
                    path + " permits root login with a password", "PermitRootLogin yes", null, "sshd"));
        }
    }

    private static void packages(String text, String path, Consumer<Finding> out) {
        boolean dpkg = path.endsWith("/status");
        String name = null;
        for (String line : text.split("\n")) {
            if (dpkg && line.startsWith("Package: ")) {
                name = line.substring(9).strip();
            } else if (!dpkg && line.startsWith("P:")) {
                name = line.substring(2).strip();
            } else if (dpkg && line.startsWith("Status: ") && !line.contains(" installed")) {
                name = null;
            } else if (line.isBlank() && name != null) {
                tool(name, path, out);
                name = null;
            }
        }
        if (name != null) {
            tool(name, path, out);
        }
    }

    private static void tool(String pkg, String path, Consumer<Finding> out) {
        String n = pkg.toLowerCase(Locale.ROOT);
        Rule rule = PROXY_TOOLS.contains(n) ? BehaviorRules.PROXY_TOOL : HACKING_TOOLS.contains(n) ? BehaviorRules.HACKING_TOOL : null;
        if (rule != null) {
            out.accept(Finding.of(rule, new Location.File(path, null), "package " + pkg + " installed (" + path + ")", pkg, null, pkg));
        }
    }

    static String cut(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 197) + "..." : one;
    }
}
