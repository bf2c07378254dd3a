package dev.contraband.detect.name;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes the reference-name files. Two line grammars, {@code #} starting a comment:
 * <ul>
 *   <li>official images: {@code NAME [ALIAS...]}, a bare name meaning {@code docker.io/library/NAME};</li>
 *   <li>publishers: {@code NAMESPACE [REPOSITORY...]}.</li>
 * </ul>
 * The built-in set keeps them in two files; a user's replacement ({@code contraband names update --from FILE}) is one
 * file with an {@code [official-images]} and a {@code [verified-publishers]} section, the format {@link #format}
 * writes, so that the current set can be exported, edited and installed again.
 */
public final class ReferenceFiles {
    public static final String OFFICIAL_SECTION = "[official-images]";
    public static final String PUBLISHER_SECTION = "[verified-publishers]";
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");

    private ReferenceFiles() {
    }

    public static List<OfficialImage> parseOfficial(List<String> lines, String source) throws ReferenceFileException {
        return parseOfficial(lines, 0, lines.size(), source);
    }

    public static List<Publisher> parsePublishers(List<String> lines, String source) throws ReferenceFileException {
        return parsePublishers(lines, 0, lines.size(), source);
    }

    /** Parses a one-file set with both sections; at least one official image is required. */
    public static ReferenceSet parseCombined(List<String> lines, String source) throws ReferenceFileException {
        int official = -1;
        int publishers = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = content(lines.get(i));
            if (line.equals(OFFICIAL_SECTION)) {
                official = duplicate(official, i, source, line);
            } else if (line.equals(PUBLISHER_SECTION)) {
                publishers = duplicate(publishers, i, source, line);
            } else if (line.startsWith("[")) {
                throw new ReferenceFileException(source + ":" + (i + 1) + ": unknown section " + line
                        + " (expected " + OFFICIAL_SECTION + " or " + PUBLISHER_SECTION + ")");
            } else if (!line.isEmpty() && official < 0 && publishers < 0) {
                throw new ReferenceFileException(source + ":" + (i + 1) + ": a name before any section; start the file"
                        + " with " + OFFICIAL_SECTION);
            }
        }
        if (official < 0) {
            throw new ReferenceFileException(source + ": no " + OFFICIAL_SECTION + " section");
        }
        int officialEnd = publishers > official ? publishers : lines.size();
        int publishersEnd = official > publishers ? official : lines.size();
        List<OfficialImage> images = parseOfficial(lines, official + 1, officialEnd, source);
        if (images.isEmpty()) {
            throw new ReferenceFileException(source + ": the " + OFFICIAL_SECTION + " section is empty");
        }
        List<Publisher> pubs = publishers < 0 ? List.of() : parsePublishers(lines, publishers + 1, publishersEnd, source);
        return new ReferenceSet(images, pubs, source);
    }

    /** The set in the one-file format {@link #parseCombined} reads. */
    public static String format(ReferenceSet set) {
        StringBuilder s = new StringBuilder();
        s.append("# contraband reference names: what impostor names pose as.\n")
                .append("# Origin: ").append(set.origin()).append('\n')
                .append("# Install an edited copy with: contraband names update --from FILE\n\n")
                .append(OFFICIAL_SECTION).append("\n# NAME [ALIAS...]  (NAME is docker.io/library/NAME)\n");
        for (OfficialImage image : set.officialImages()) {
            s.append(image.name());
            image.aliases().forEach(a -> s.append(' ').append(a));
            s.append('\n');
        }
        s.append('\n').append(PUBLISHER_SECTION).append("\n# NAMESPACE [REPOSITORY...]\n");
        for (Publisher p : set.publishers()) {
            s.append(p.namespace());
            p.repositories().forEach(r -> s.append(' ').append(r));
            s.append('\n');
        }
        return s.toString();
    }

    /** The value of a {@code # Date: …} header line, or null. */
    public static String headerDate(List<String> lines) {
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith("# Date:")) {
                return l.substring("# Date:".length()).strip();
            }
        }
        return null;
    }

    private static List<OfficialImage> parseOfficial(List<String> lines, int from, int to, String source)
            throws ReferenceFileException {
        List<OfficialImage> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = from; i < to; i++) {
            List<String> words = words(lines.get(i), i, source);
            if (words.isEmpty()) {
                continue;
            }
            for (String w : words) {
                if (!seen.add(w)) {
                    throw new ReferenceFileException(source + ":" + (i + 1) + ": \"" + w + "\" is listed twice");
                }
            }
            out.add(new OfficialImage(words.getFirst(), words.subList(1, words.size())));
        }
        return out;
    }

    private static List<Publisher> parsePublishers(List<String> lines, int from, int to, String source)
            throws ReferenceFileException {
        List<Publisher> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = from; i < to; i++) {
            List<String> words = words(lines.get(i), i, source);
            if (words.isEmpty()) {
                continue;
            }
            if (!seen.add(words.getFirst())) {
                throw new ReferenceFileException(source + ":" + (i + 1) + ": namespace \"" + words.getFirst()
                        + "\" is listed twice");
            }
            out.add(new Publisher(words.getFirst(), words.subList(1, words.size())));
        }
        return out;
    }

    private static List<String> words(String line, int index, String source) throws ReferenceFileException {
        String content = content(line);
        if (content.isEmpty()) {
            return List.of();
        }
        List<String> words = List.of(content.split("\\s+"));
        for (String w : words) {
            if (!COMPONENT.matcher(w).matches()) {
                throw new ReferenceFileException(source + ":" + (index + 1) + ": \"" + w
                        + "\" is not a Docker repository name (lower-case a-z, 0-9, and . _ - between them)");
            }
        }
        return words;
    }

    private static String content(String line) {
        int hash = line.indexOf('#');
        return (hash >= 0 ? line.substring(0, hash) : line).strip();
    }

    private static int duplicate(int previous, int index, String source, String section) throws ReferenceFileException {
        if (previous >= 0) {
            throw new ReferenceFileException(source + ":" + (index + 1) + ": " + section + " appears twice");
        }
        return index;
    }
}
