package dev.contraband.detect.artifact;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the programs a container command runs: argv[0], the commands of a {@code sh -c} string (split at
 * {@code ; && || | &} and newlines, past {@code exec}, {@code nohup}, variable assignments and the like), and the
 * script handed to an interpreter ({@code python3 /tmp/x.py}). Arguments that are only data, such as
 * {@code -c /tmp/nginx.conf}, are not programs.
 */
final class CommandLine {
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "busybox");
    private static final Set<String> INTERPRETERS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "python",
            "python2", "python3", "perl", "ruby", "node", "php", "lua");
    private static final Set<String> PREFIXES = Set.of("exec", "nohup", "setsid", "sudo", "nice", "env", "time",
            "command", "chroot", "timeout", "stdbuf", "taskset", "su-exec", "gosu", "tini", "dumb-init", "--");

    private CommandLine() {
    }

    static List<String> programs(List<String> argv) {
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
        if (INTERPRETERS.contains(base.replaceAll("[0-9.]+$", "")) || INTERPRETERS.contains(base)) {
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
            if (PREFIXES.contains(baseName(a)) || a.matches("[A-Za-z_][A-Za-z0-9_]*=.*")
                    || i > 0 && a.startsWith("-") && PREFIXES.contains(baseName(argv.get(i - 1)))) {
                i++;
            } else {
                return i;
            }
        }
        return i;
    }

    private static String baseName(String program) {
        int slash = program.lastIndexOf('/');
        return program.substring(slash + 1);
    }

    /** Splits a shell command string into simple commands and their words (quotes respected, no expansion). */
    static List<List<String>> splitShell(String script) {
        List<List<String>> commands = new ArrayList<>();
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
                    if (!words.isEmpty()) {
                        commands.add(words);
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
            commands.add(words);
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
