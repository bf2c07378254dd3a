package dev.contraband.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contraband.image.Digest;
import dev.contraband.image.Image;
import dev.contraband.image.ImageConfig;
import dev.contraband.image.ImageException;
import dev.contraband.image.LayerDescriptor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code docker save} format: {@code manifest.json} lists each image's config and layer files. Layers are legacy
 * {@code <id>/layer.tar} files (possibly links to another layer's file) or, since Docker 25, {@code blobs/sha256/…}.
 * The archive keeps no manifest, so the image digest is the config digest (Docker's image id).
 */
final class DockerArchiveSource implements ImageSource {
    private static final Pattern HEX_NAME = Pattern.compile("(?:.*/)?(?:sha256[:/])?([a-f0-9]{64})(?:\\.json)?");
    private final TarBlobStore blobs;
    private final String ref;
    private final String describe;

    DockerArchiveSource(Path file, String ref, String describe) throws IOException {
        this.blobs = new TarBlobStore(file);
        this.ref = ref;
        this.describe = describe;
    }

    @Override
    public List<Image> images(PlatformSelection selection) throws IOException {
        if (!blobs.exists("manifest.json")) {
            throw new ImageException(describe + ": not a docker-archive (no manifest.json)");
        }
        JsonNode manifest = Json.parse(blobs.readSmall("manifest.json"), describe + ": manifest.json");
        if (!manifest.isArray() || manifest.isEmpty()) {
            throw new ImageException(describe + ": manifest.json lists no image");
        }
        JsonNode chosen = null;
        List<String> tags = new ArrayList<>();
        for (JsonNode entry : manifest) {
            List<String> repoTags = Json.strings(entry, "RepoTags");
            tags.addAll(repoTags);
            if (ref == null ? manifest.size() == 1 : repoTags.stream().anyMatch(t -> matchesRef(t, ref))) {
                chosen = entry;
                break;
            }
        }
        if (chosen == null) {
            throw new ImageException(describe + (ref == null
                    ? ": the archive holds " + manifest.size() + " images; name one as docker-archive:PATH:TAG (tags: "
                    : ": no image tagged \"" + ref + "\" (tags: ") + String.join(", ", tags) + ")");
        }
        List<String> repoTags = Json.strings(chosen, "RepoTags");
        String configPath = Json.text(chosen, "Config");
        if (configPath == null) {
            throw new ImageException(describe + ": manifest.json entry has no Config");
        }
        byte[] configBytes = blobs.readSmall(configPath);
        Digest configDigest = Digest.sha256Of(configBytes);
        Matcher m = HEX_NAME.matcher(configPath);
        if (m.matches() && !m.group(1).equals(configDigest.hex())) {
            throw new ImageException(describe + ": config " + configPath + ": digest mismatch (content hashes to "
                    + configDigest + ")");
        }
        ImageConfig config = ConfigParser.parse(configBytes, describe + ": config " + configPath);
        List<String> layerPaths = Json.strings(chosen, "Layers");
        if (layerPaths.size() != config.diffIds().size()) {
            throw new ImageException(describe + ": manifest.json lists " + layerPaths.size()
                    + " layers but the config has " + config.diffIds().size() + " diff_ids");
        }
        if (selection.explicit() && !selection.all() && !config.platform().satisfies(selection.wanted())) {
            throw new ImageException(describe + ": the archive's image is " + config.platform()
                    + ", not " + selection.wanted());
        }
        List<String> createdBy = ConfigParser.createdBy(config, layerPaths.size());
        List<LayerDescriptor> layers = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < layerPaths.size(); i++) {
            String path = layerPaths.get(i);
            // Only blobs/sha256/<hex> names the stored bytes' digest; a legacy <id>/layer.tar id is not a digest.
            Digest stored = path.startsWith("blobs/") && HEX_NAME.matcher(path).matches()
                    ? new Digest("sha256", HEX_NAME.matcher(path).replaceFirst("$1")) : null;
            layers.add(new LayerDescriptor(i, stored, config.diffIds().get(i), null, -1, createdBy.get(i)));
            files.add(path);
        }
        String name = repoTags.isEmpty() ? null : repoTags.getFirst();
        return List.of(new Image(name, configDigest, config, layers, layer -> {
            String path = files.get(layer.index());
            if (!blobs.exists(path)) {
                throw new ImageException(describe + ": layer " + layer.index() + " (" + path + "): missing from the archive");
            }
            return blobs.open(path);
        }));
    }

    /** A tag given as {@code r:t} also matches the {@code docker.io/library/r:t} form and back. */
    private static boolean matchesRef(String tag, String ref) {
        return tag.equals(ref) || strip(tag).equals(strip(ref));
    }

    private static String strip(String name) {
        String n = name.startsWith("docker.io/") ? name.substring("docker.io/".length()) : name;
        n = n.startsWith("library/") ? n.substring("library/".length()) : n;
        return n.contains(":") ? n : n + ":latest";
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public void close() throws IOException {
        blobs.close();
    }
}
