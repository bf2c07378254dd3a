package dev.contraband.detect.artifact;

import java.util.List;

/**
 * Where programs do not belong. Temporary folders are world-writable and wiped at boot, so a program shipped there
 * was put there to hide; hidden folders hide from {@code ls}. Tool caches that legitimately keep binaries in hidden
 * folders are known and left alone.
 */
final class SuspiciousPlaces {
    static final List<String> TEMP_DIRS = List.of("/tmp", "/var/tmp", "/dev/shm");
    private static final List<String> SYSTEM_DIRS = List.of("/bin/", "/sbin/", "/usr/bin/", "/usr/sbin/", "/usr/lib/",
            "/usr/lib64/", "/usr/libexec/", "/lib/", "/lib64/", "/usr/lib32/", "/lib32/");

    /** Hidden folders where development tools install binaries by design. */
    private static final List<String> TOOL_HIDDEN_DIRS = List.of(
            ".cargo", ".rustup", ".local", ".nvm", ".npm", ".pyenv", ".rbenv", ".sdkman", ".m2", ".gradle",
            ".dotnet", ".vscode-server", ".bun", ".deno", ".venv", ".virtualenvs", ".conda", ".git", ".bin",
            ".cache/ms-playwright", ".cache/puppeteer", ".cache/bazel", ".cache/pip", ".cache/go-build",
            ".krew", ".tfenv", ".asdf", ".linuxbrew", ".ghcup", ".cabal", ".stack", ".opam", ".mix", ".hex");

    private SuspiciousPlaces() {
    }

    /** The temporary folder {@code path} is in, or null. */
    static String tempDir(String path) {
        for (String t : TEMP_DIRS) {
            if (path.startsWith(t + "/")) {
                return t;
            }
        }
        return null;
    }

    /** The hidden folder (as a path) that holds {@code path}, or null; known tool folders do not count. */
    static String hiddenDir(String path) {
        String[] parts = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 1; i < parts.length - 1; i++) {
            String p = parts[i];
            prefix.append('/').append(p);
            if (p.startsWith(".") && p.length() > 1 && !p.equals("..")) {
                String rest = p + (i + 1 < parts.length - 1 ? "/" + parts[i + 1] : "");
                boolean tool = TOOL_HIDDEN_DIRS.stream().anyMatch(t -> t.equals(p) || t.equals(rest)
                        || t.contains("/") && rest.startsWith(t));
                if (tool) {
                    return null;
                }
                return prefix.toString();
            }
        }
        return null;
    }

    /** Folders where a package manager legitimately installs setuid programs. */
    static boolean systemPath(String path) {
        for (String dir : SYSTEM_DIRS) {
            if (path.startsWith(dir)) {
                return true;
            }
        }
        return false;
    }
}
