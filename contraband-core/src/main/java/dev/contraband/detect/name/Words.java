package dev.contraband.detect.name;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The words impostors attach to a trusted name, and splitting a name into words.
 * <ul>
 *   <li>Trust affixes make a copy look more genuine than the original: {@code nginx-official}, {@code secure-alpine},
 *       {@code ubuntu-update}.</li>
 *   <li>Variant words are what official tags say ({@code golang:alpine}, {@code php:fpm}, {@code node:18}), so
 *       {@code golang-alpine} reads as the official image in a variant: combo-squatting.</li>
 *   <li>Namespace affixes are what an organisation's account might be called: {@code grafana-labs},
 *       {@code hashicorp-inc}, {@code docker-official}.</li>
 * </ul>
 */
final class Words {
    static final Set<String> TRUST_AFFIXES = Set.of("official", "offical", "oficial", "officiall", "officials",
            "docker", "dockerhub", "library", "libary", "verified", "secure", "secured", "trusted", "latest",
            "update", "updated", "original", "genuine");
    static final Set<String> VARIANTS = Set.of("alpine", "slim", "bookworm", "bullseye", "buster", "stretch", "jessie",
            "trixie", "focal", "jammy", "noble", "bionic", "xenial", "lts", "stable", "edge", "jdk", "jre", "fpm",
            "cli", "zts", "apache", "nanoserver", "windowsservercore", "servercore", "full", "minimal", "mini", "lite",
            "base", "musl", "ubi", "debian", "ubuntu", "centos", "rhel", "amd64", "arm64", "armhf", "x64", "x86",
            "nightly", "beta", "oss", "dind", "rootless", "v");
    static final Set<String> NAMESPACE_AFFIXES = Set.of("official", "offical", "oficial", "officials", "docker",
            "dockerhub", "library", "verified", "secure", "trusted", "inc", "hq", "labs", "team", "org", "corp",
            "images", "image");
    private static final List<String> GLUEABLE = sortedLongestFirst(TRUST_AFFIXES, VARIANTS);
    private static final List<String> NAMESPACE_GLUEABLE = sortedLongestFirst(NAMESPACE_AFFIXES, Set.of());
    // A glued word is split off only when at least this much name remains: "golangalpine" is golang + alpine, but
    // "goalpine" is left alone.
    private static final int MIN_CORE = 3;

    private Words() {
    }

    /**
     * The words of a name: split at separators and where letters meet digits ({@code python3.11} is
     * python, 3, 11), with trust or variant words glued to either end split off ({@code officialnginx}).
     */
    static List<String> tokens(String name, boolean namespace) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean separator = c == '-' || c == '_' || c == '.' || c == '/';
            boolean boundary = word.length() > 0 && Character.isDigit(c) != Character.isDigit(word.charAt(word.length() - 1));
            if (separator || boundary) {
                flush(word, out);
            }
            if (!separator) {
                word.append(c);
            }
        }
        flush(word, out);
        List<String> glueable = namespace ? NAMESPACE_GLUEABLE : GLUEABLE;
        List<String> split = new ArrayList<>(out.size() + 2);
        for (String token : out) {
            unglue(token, glueable, split, 2);
        }
        return split;
    }

    static boolean removable(String token, boolean namespace) {
        if (token.chars().allMatch(Character::isDigit)) {
            return !namespace;
        }
        return namespace ? NAMESPACE_AFFIXES.contains(token) : TRUST_AFFIXES.contains(token) || VARIANTS.contains(token);
    }

    static boolean lendsTrust(String token, boolean namespace) {
        return namespace ? NAMESPACE_AFFIXES.contains(token) : TRUST_AFFIXES.contains(token);
    }

    /** Splits trust or variant words off either end of {@code token}, {@code depth} times ("dockerofficialnginx"). */
    private static void unglue(String token, List<String> glueable, List<String> out, int depth) {
        if (depth > 0 && !glueable.contains(token)) {
            for (String w : glueable) {
                if (token.length() >= w.length() + MIN_CORE && token.startsWith(w)) {
                    out.add(w);
                    unglue(token.substring(w.length()), glueable, out, depth - 1);
                    return;
                }
                if (token.length() >= w.length() + MIN_CORE && token.endsWith(w)) {
                    unglue(token.substring(0, token.length() - w.length()), glueable, out, depth - 1);
                    out.add(w);
                    return;
                }
            }
        }
        out.add(token);
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            out.add(word.toString());
            word.setLength(0);
        }
    }

    private static List<String> sortedLongestFirst(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        // Single letters ("v") only ever come apart at a digit boundary, never glued.
        all.removeIf(w -> w.length() < 2);
        all.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return List.copyOf(all);
    }
}
