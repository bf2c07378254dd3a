package dev.contraband.detect.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the programs a container command runs: argv[0], the commands of a {@code sh -c} string (split at
 * {@code ; && || | &} and newlines, past {@code exec}, {@code nohup}, variable assignments and the like), and the
 * script handed to an interpreter ({@code python3 /tmp/x.py}). Arguments that are only data, such as
 * {@code -c /tmp/nginx.conf}, are not programs.
 */
public final class CommandLine {
    private static final java.util.regex.Pattern ASSIGNMENT = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
    private static final java.util.regex.Pattern VERSION_SUFFIX = java.util.regex.Pattern.compile("[0-9.]+$");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "busybox");
    private static final Set<String> INTERPRETERS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "python",
            "python2", "python3", "perl", "ruby", "node", "php", "lua");
    private static final Set<String> PREFIXES = Set.of("exec", "nohup", "setsid", "sudo", "nice", "env", "time",
            "command", "chroot", "timeout", "stdbuf", "taskset", "su-exec", "gosu", "tini", "dumb-init", "--");

    private CommandLine() {
    }

    public static List<String> programs(List<String> argv) {
        List<String> out = new ArrayList<>();
        fromArgv(argv, out, 0);
        return out;
    }

    private static void fromArgv(List<String> argv, List<String> out, int depth) {
        int i = skipPrefixes(argv, 0);
        if (i >= argv.size() || depth > 3) {
            return;
        }
        String program = argv.get(i);
        out.add(program);
        String base = baseName(program);
        if (SHELLS.contains(base)) {
            for (int j = i + 1; j < argv.size(); j++) {
                if (argv.get(j).equals("-c") && j + 1 < argv.size()) {
                    for (List<String> command : splitShell(argv.get(j + 1))) {
                        fromArgv(command, out, depth + 1);
                    }
                    return;
                }
            }
        }
        if (INTERPRETERS.contains(VERSION_SUFFIX.matcher(base).replaceAll("")) || INTERPRETERS.contains(base)) {
            for (int j = i + 1; j < argv.size(); j++) {
                String a = argv.get(j);
                if (!a.startsWith("-")) {
                    out.add(a);
                    return;
                }
                if (a.equals("-c") || a.equals("-e") || a.equals("-m")) {
                    return;
                }
            }
        }
    }

    private static int skipPrefixes(List<String> argv, int i) {
        while (i < argv.size()) {
            String a = argv.get(i);
            if (PREFIXES.contains(baseName(a)) || ASSIGNMENT.matcher(a).matches()
                    || i > 0 && a.startsWith("-") && PREFIXES.contains(baseName(argv.get(i - 1)))) {
                i++;
            } else {
                return i;
            }
        }
        return i;
    }

    /** Whether {@code base} (a program's base name) is a shell or a script interpreter such as python3 or perl. */
    public static boolean isShellOrInterpreter(String base) {
        return INTERPRETERS.contains(base) || INTERPRETERS.contains(VERSION_SUFFIX.matcher(base).replaceAll(""));
    }

    /**
     * {@link #parse} that also looks into {@code sh -c "…"} (and {@code bash -c}, …): such a command is replaced by
     * the commands of its string, up to three levels deep.
     */
    public static List<Command> parseDeep(String script) {
        List<Command> out = new ArrayList<>();
        deep(parse(script), out, 0);
        return out;
    }

    /** {@link #parseDeep} of an exec-form argv (ENTRYPOINT, CMD): the words as one command. */
    public static List<Command> parseDeep(List<String> argv) {
        List<Command> out = new ArrayList<>();
        deep(List.of(new Command(argv, "")), out, 0);
        return out;
    }

    private static void deep(List<Command> commands, List<Command> out, int depth) {
        for (Command c : commands) {
            List<String> args = c.arguments();
            int dashC = args.indexOf("-c");
            if (depth < 3 && SHELLS.contains(c.program()) && dashC >= 0 && dashC + 1 < args.size()) {
                deep(parse(args.get(dashC + 1)), out, depth + 1);
            } else {
                out.add(c);
            }
        }
    }

    /** The last path element of a program word. */
    public static String baseName(String program) {
        int slash = program.lastIndexOf('/');
        return program.substring(slash + 1);
    }

    /**
     * One simple command of a script: its words and the operator that ends it ({@code |}, {@code &&}, {@code ||},
     * {@code ;}, {@code &}, a newline, a parenthesis or backquote, or "" at the end of the script).
     */
    public record Command(List<String> words, String operator) {
        public Command {
            words = List.copyOf(words);
        }

        /** The base name of the program, past prefixes such as {@code sudo}, {@code nohup} and assignments; "" when none. */
        public String program() {
            int i = skipPrefixes(words, 0);
            return i < words.size() ? baseName(words.get(i)) : "";
        }

        /** The words after the program. */
        public List<String> arguments() {
            int i = skipPrefixes(words, 0);
            return i < words.size() ? words.subList(i + 1, words.size()) : List.of();
        }

        /** Whether this command's output goes into the next one through a pipe. */
        public boolean pipesIntoNext() {
            return operator.equals("|");
        }
    }

    /** Splits a shell command string into simple commands and their words (quotes respected, no expansion). */
    public static List<List<String>> splitShell(String script) {
        return parse(script).stream().map(Command::words).toList();
    }

    /**
     * Splits a shell script into simple commands with the operators between them: comments skipped, quotes
     * respected, line continuations joined, redirections dropped; no expansion.
     */
    public static List<Command> parse(String script) {
        List<Command> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < script.length()) {
                    word.append(script.charAt(++i));
                } else {
                    word.append(c);
                }
                continue;
            }
            switch (c) {
                case '\'', '"' -> {
                    quote = c;
                    inWord = true;
                }
                case '\\' -> {
                    if (i + 1 < script.length() && script.charAt(i + 1) != '\n') {
                        word.append(script.charAt(++i));
                        inWord = true;
                    } else {
                        i++;
                    }
                }
                case ' ', '\t' -> {
                    inWord = flush(word, words, inWord);
                }
                case '>', '<' -> {
                    // A redirection: its fd (2>), its operator (>>, >&, <<) and its target are not words.
                    if (inWord && word.chars().allMatch(Character::isDigit)) {
                        word.setLength(0);
                        inWord = false;
                    } else {
                        inWord = flush(word, words, inWord);
                    }
                    while (i + 1 < script.length() && "<>&|".indexOf(script.charAt(i + 1)) >= 0) {
                        i++;
                    }
                    while (i + 1 < script.length() && script.charAt(i + 1) == ' ') {
                        i++;
                    }
                    while (i + 1 < script.length() && " \t;&|\n()".indexOf(script.charAt(i + 1)) < 0) {
                        i++;
                    }
                }
                case ';', '&', '|', '\n', '(', ')', '`' -> {
                    inWord = flush(word, words, inWord);
                    String operator = String.valueOf(c);
                    if ((c == '&' || c == '|') && i + 1 < script.length() && script.charAt(i + 1) == c) {
                        operator += c;
                        i++;
                    }
                    if (!words.isEmpty()) {
                        commands.add(new Command(words, operator));
                        words = new ArrayList<>();
                    }
                }
                case '#' -> {
                    if (!inWord) {
                        while (i + 1 < script.length() && script.charAt(i + 1) != '\n') {
                            i++;
                        }
                    } else {
                        word.append(c);
                    }
                }
                default -> {
                    word.append(c);
                    inWord = true;
                }
            }
        }
        flush(word, words, inWord);
        if (!words.isEmpty()) {
            commands.add(new Command(words, ""));
        }
        return commands;
    }

    private static boolean flush(StringBuilder word, List<String> words, boolean inWord) {
        if (inWord) {
            words.add(word.toString());
            word.setLength(0);
        }
        return false;
    }
}
