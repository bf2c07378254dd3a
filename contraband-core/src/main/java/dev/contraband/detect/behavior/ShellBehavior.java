package dev.contraband.detect.behavior;

import dev.contraband.detect.Rule;
import dev.contraband.detect.shell.CommandLine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a shell script (or a one-line command: ENTRYPOINT, CMD, a history step, a cron entry) does that matters:
 * downloads piped into a shell, downloads made executable and run, encoded payloads decoded into a shell, reverse
 * shells. Comments are skipped, continuation lines joined, {@code && ; |} and {@code sh -c "…"} followed
 * ({@link CommandLine}).
 */
final class ShellBehavior {
    /** One behaviour found, on a 1-based line (null when the text is one command). */
    record Hit(Rule rule, String message, String evidence, Integer line) {
    }

    private static final Set<String> DOWNLOADERS = Set.of("curl", "wget", "fetch", "aria2c");
    private static final Pattern SUBSHELL_DOWNLOAD = Pattern.compile(
            "\\b(?:ba|z|k|da)?sh\\b[^|;&\\n]*(?:\\$\\(|`|<\\(\\s*)\\s*(?:curl|wget)\\b");
    private static final Pattern EVAL_DECODE = Pattern.compile(
            "\\beval\\b[^\\n]*(?:base64\\s+(?:-d|--decode|-D)|xxd\\s+-r|openssl\\s+(?:base64|enc)\\b[^\\n]*-d)"
                    + "|\\bexec\\s*\\(\\s*(?:base64\\.b64decode|codecs\\.decode|bytes\\.fromhex|zlib\\.decompress)"
                    + "|\\beval\\s*\\(\\s*(?:base64_decode|gzinflate|atob)\\s*\\(");
    private static final Pattern[] REVERSE = {
            Pattern.compile("(?:\\b(?:ba)?sh\\s+-i\\b[^\\n]*|\\bexec\\s+[0-9]+<>|[0-9]?>&\\s*|0<&[0-9]+\\s*)/dev/(?:tcp|udp)/[^/\\s]+/[0-9]+"),
            Pattern.compile("/dev/(?:tcp|udp)/[^/\\s]+/[0-9]+[^\\n]*(?:0>&1|<&[0-9]|>&[0-9])"),
            Pattern.compile("\\b(?:nc|ncat|netcat|nc\\.traditional)\\b[^|;&\\n]*\\s-(?:e|c)\\s*['\"]?\\S*(?:/bin/|\\b)(?:ba|z|da)?sh\\b"),
            Pattern.compile("(?i)\\bsocat\\b[^\\n]*\\bexec:[^\\n]*(?:sh|bash)\\b"),
            Pattern.compile("\\bmkfifo\\b[^\\n]*\\|\\s*(?:nc|ncat|netcat)\\b"),
            Pattern.compile("socket\\.socket\\([^\\n]*(?:connect\\([^\\n]*(?:pty\\.spawn|os\\.dup2|subprocess\\.call\\(\\[?['\"]/bin/(?:ba)?sh))"),
            Pattern.compile("\\bsocket\\s*\\(\\s*[A-Z]+\\s*,\\s*PF_INET[^\\n]*exec\\s*\\(?\\s*[\"']/bin/(?:ba)?sh"),
            Pattern.compile("\\bphp\\b[^\\n]*fsockopen\\([^\\n]*(?:exec|system|shell_exec|proc_open)\\(")};

    private static final Pattern P0 = Pattern.compile("[ugoa]*\\+[rwx]*x[rwx]*|[0-7]*[1357][0-7]?[0-7]?");
    private static final Pattern P1 = Pattern.compile("(?i)(https?|ftp)://.*");
    private static final Pattern P2 = Pattern.compile("-[a-zA-Z]*O[a-zA-Z]*");
    private static final Pattern P3 = Pattern.compile("(?s).*\\b(curl|wget)\\b.*\\|\\s*(sudo\\s+)?(ba|da|z)?sh\\b.*");
    private static final Pattern P4 = Pattern.compile("(?s).*\\b(xmrig|xmr-stak|minerd|cpuminer|kdevtmpfsi|kinsing|stratum\\+(tcp|ssl|tls))\\b.*");
    private static final Pattern P5 = Pattern.compile("(?s).*\\b(curl|wget)\\b.*(https?|ftp)://.*");
    private static final Pattern P6 = Pattern.compile("(?s).*(/tmp/|/var/tmp/|/dev/shm/|\\bchmod\\b|\\|).*");
    private static final Pattern P7 = Pattern.compile("(?s).*(^|[\\s;&|'\"=])(/tmp|/var/tmp|/dev/shm)/\\S+.*");
    private static final Pattern P8 = Pattern.compile("(?s).*\\b(rm|find|mkdir|touch|chmod|ls|test)\\b.*");

    private ShellBehavior() {
    }

    /** Logical lines: continuations joined, with the number of their first physical line. */
    static List<Map.Entry<Integer, String>> logicalLines(String script) {
        List<Map.Entry<Integer, String>> out = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        StringBuilder current = new StringBuilder();
        int start = 1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (current.isEmpty()) {
                start = i + 1;
            }
            if (l.endsWith("\\")) {
                current.append(l, 0, l.length() - 1).append(' ');
                continue;
            }
            current.append(l);
            out.add(Map.entry(start, current.toString()));
            current.setLength(0);
        }
        if (!current.isEmpty()) {
            out.add(Map.entry(start, current.toString()));
        }
        return out;
    }

    /** The behaviours of a script; {@code lines} false for a one-command text (line numbers are then null). */
    static List<Hit> analyze(String script, boolean lines) {
        List<Hit> hits = new ArrayList<>();
        Map<String, Integer> downloaded = new HashMap<>();
        Map<String, Integer> chmodded = new HashMap<>();
        for (Map.Entry<Integer, String> ll : logicalLines(script)) {
            Integer line = lines ? ll.getKey() : null;
            String text = ll.getValue();
            String code = stripComment(text);
            if (code.isBlank()) {
                continue;
            }
            // Keyword gates first: most lines of most scripts need no regex at all.
            boolean net = code.contains("/dev/tcp/") || code.contains("/dev/udp/") || code.contains("nc")
                    || code.contains("socat") || code.contains("socket") || code.contains("fsockopen");
            boolean fetch = code.contains("curl") || code.contains("wget") || code.contains("fetch") || code.contains("aria2c");
            for (Pattern p : net ? REVERSE : new Pattern[0]) {
                if (p.matcher(code).find()) {
                    hits.add(new Hit(BehaviorRules.REVERSE_SHELL, "reverse shell", code, line));
                    break;
                }
            }
            if (fetch && SUBSHELL_DOWNLOAD.matcher(code).find()) {
                hits.add(new Hit(BehaviorRules.PIPE_TO_SHELL, "download run by a shell", code, line));
            }
            boolean decode = code.contains("base64") || code.contains("base32") || code.contains("xxd") || code.contains("openssl")
                    || code.contains("decode") || code.contains("fromhex") || code.contains("atob") || code.contains("gzinflate");
            if (decode && (code.contains("eval") || code.contains("exec")) && EVAL_DECODE.matcher(code).find()) {
                hits.add(new Hit(BehaviorRules.DECODE_TO_SHELL, "encoded payload decoded into eval", code, line));
            }
            if (!fetch && !decode && !code.contains("chmod") && downloaded.isEmpty()) {
                continue;
            }
            List<CommandLine.Command> commands = CommandLine.parseDeep(code);
            for (int i = 0; i < commands.size(); i++) {
                CommandLine.Command c = commands.get(i);
                String program = c.program();
                CommandLine.Command next = i + 1 < commands.size() ? commands.get(i + 1) : null;
                boolean intoShell = c.pipesIntoNext() && next != null && CommandLine.isShellOrInterpreter(next.program());
                if (DOWNLOADERS.contains(program) && intoShell) {
                    hits.add(new Hit(BehaviorRules.PIPE_TO_SHELL, program + " piped into " + next.program(), code, line));
                }
                if (isDecoder(c) && c.pipesIntoNext()) {
                    // base64 -d | sh, or base64 -d | gunzip | sh
                    for (int j = i + 1; j < commands.size(); j++) {
                        if (CommandLine.isShellOrInterpreter(commands.get(j).program())) {
                            hits.add(new Hit(BehaviorRules.DECODE_TO_SHELL, program + " output decoded into "
                                    + commands.get(j).program(), code, line));
                            break;
                        }
                        if (!commands.get(j).pipesIntoNext()) {
                            break;
                        }
                    }
                }
                if (DOWNLOADERS.contains(program)) {
                    String target = downloadTarget(c);
                    if (target != null) {
                        downloaded.putIfAbsent(target, ll.getKey());
                    }
                }
                if (program.equals("chmod")) {
                    List<String> args = c.arguments();
                    boolean exec = args.stream().anyMatch(a -> P0.matcher(a).matches());
                    if (exec) {
                        for (String a : args) {
                            if (downloaded.containsKey(base(a))) {
                                chmodded.putIfAbsent(base(a), ll.getKey());
                            }
                        }
                    }
                }
                String runs = runTarget(c);
                if (runs != null && chmodded.containsKey(runs) || runs != null && CommandLine.isShellOrInterpreter(program)
                        && downloaded.containsKey(runs)) {
                    hits.add(new Hit(BehaviorRules.DOWNLOAD_RUN, "downloads " + runs + ", makes it executable and runs it",
                            code, line));
                    chmodded.remove(runs);
                    downloaded.remove(runs);
                }
            }
        }
        return hits;
    }

    private static boolean isDecoder(CommandLine.Command c) {
        List<String> a = c.arguments();
        return switch (c.program()) {
            case "base64", "base32" -> a.contains("-d") || a.contains("--decode") || a.contains("-D");
            case "xxd" -> a.contains("-r") || a.contains("-r -p") || a.stream().anyMatch(x -> x.startsWith("-r"));
            case "openssl" -> a.contains("-d") && (a.contains("base64") || a.contains("-base64") || a.contains("-a"));
            default -> false;
        };
    }

    /** The base name of the file a curl/wget command writes, or null when it writes to stdout. */
    static String downloadTarget(CommandLine.Command c) {
        List<String> a = c.arguments();
        String url = null;
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            if ((x.equals("-o") || x.equals("--output") || x.equals("-O") && c.program().equals("wget")
                    || x.equals("--output-document")) && i + 1 < a.size()) {
                return a.get(i + 1).equals("-") ? null : base(a.get(i + 1));
            }
            if (x.startsWith("--output-document=") || x.startsWith("--output=")) {
                return base(x.substring(x.indexOf('=') + 1));
            }
            if (P1.matcher(x).matches()) {
                url = x;
            }
        }
        boolean remoteName = c.program().equals("wget") || a.contains("-O") || a.contains("--remote-name")
                || a.stream().anyMatch(x -> P2.matcher(x).matches());
        if (url != null && remoteName) {
            String path = url.replaceFirst("(?i)^[a-z]+://[^/]*", "").replaceFirst("[?#].*$", "");
            String b = base(path);
            return b.isEmpty() ? null : b;
        }
        return null;
    }

    /** The base name of the file a command runs (./x, /tmp/x, sh x), or null. */
    private static String runTarget(CommandLine.Command c) {
        List<String> w = c.words();
        String program = w.isEmpty() ? "" : c.words().get(Math.max(0, w.size() - 1 - c.arguments().size()));
        if (CommandLine.isShellOrInterpreter(c.program())) {
            return c.arguments().stream().filter(x -> !x.startsWith("-")).findFirst().map(ShellBehavior::base).orElse(null);
        }
        return program.contains("/") ? base(program) : null;
    }

    static String base(String path) {
        String p = path.replaceAll("/+$", "");
        return p.substring(p.lastIndexOf('/') + 1);
    }

    static String stripComment(String line) {
        String t = line.strip();
        return t.startsWith("#") ? "" : line;
    }

    /** Why a persistence entry (cron line, ExecStart, rc/profile line) is suspicious, or null. */
    static String suspicious(String command) {
        String c = command.toLowerCase(Locale.ROOT);
        if (!(c.contains("curl") || c.contains("wget") || c.contains("tmp/") || c.contains("/dev/shm") || c.contains("xmr")
                || c.contains("miner") || c.contains("kdevtmpfsi") || c.contains("kinsing") || c.contains("stratum"))) {
            return null;
        }
        if (P3.matcher(c).matches() || SUBSHELL_DOWNLOAD.matcher(c).find()) {
            return "downloads code into a shell";
        }
        if (P4.matcher(c).matches()) {
            return "runs a miner";
        }
        if (P5.matcher(c).matches() && P6.matcher(c).matches()) {
            return "downloads and runs code";
        }
        if (P7.matcher(c).matches() && !P8.matcher(c).matches()) {
            return "runs a program from a temporary folder";
        }
        return null;
    }
}
