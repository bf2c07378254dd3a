package dev.contraband.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contraband.image.Digest;
import dev.contraband.image.Image;
import dev.contraband.image.ImageConfig;
import dev.contraband.image.ImageException;
import dev.contraband.image.LayerDescriptor;
import dev.contraband.image.Platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks an OCI image index (and the indexes nested in it) down to image manifests, picks the ones wanted by
 * reference name and platform, and reads their manifests and configs, every blob checked against its digest.
 * Reads through {@link ImageContent}, so layouts and registries share it.
 */
final class OciIndexResolver {
    static final String REF_NAME = "org.opencontainers.image.ref.name";
    static final String CONTAINERD_NAME = "io.containerd.image.name";
    private static final int MAX_DEPTH = 8;

    private final ImageContent content;
    private final String source;

    OciIndexResolver(BlobStore blobs, String source) {
        this(ImageContent.of(blobs, source), source);
    }

    OciIndexResolver(ImageContent content, String source) {
        this.content = content;
        this.source = source;
    }

    private record Candidate(Digest digest, Platform platform, String name) {
    }

    List<Image> resolve(JsonNode index, String ref, PlatformSelection selection) throws IOException {
        return resolve(index, ref, selection, null);
    }

    /** @param name the name of images the index does not name itself (a registry reference), or null */
    List<Image> resolve(JsonNode index, String ref, PlatformSelection selection, String name) throws IOException {
        List<Candidate> candidates = new ArrayList<>();
        Set<String> refs = new LinkedHashSet<>();
        collect(index, ref, false, name, 0, candidates, refs);
        if (candidates.isEmpty()) {
            if (ref != null) {
                throw new ImageException(source + ": no image named \"" + ref + "\" in the index"
                        + (refs.isEmpty() ? "" : " (names: " + String.join(", ", refs) + ")"));
            }
            throw new ImageException(source + ": the index lists no image manifest");
        }
        return pick(candidates, selection);
    }

    /** One image manifest (not an index), checked against the platform selection like an index of one. */
    List<Image> resolveManifest(Digest digest, String name, PlatformSelection selection) throws IOException {
        return pick(List.of(new Candidate(digest, null, name)), selection);
    }

    private List<Image> pick(List<Candidate> candidates, PlatformSelection selection) throws IOException {
        List<Image> images = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Candidate c : candidates) {
            Image image = load(c);
            seen.add(image.platform().toString());
            boolean wanted = selection.all()
                    || image.platform().satisfies(selection.wanted())
                    || candidates.size() == 1 && !selection.explicit();
            if (wanted && (!selection.all() || image.platform().isKnown() || candidates.size() == 1)) {
                images.add(image);
                if (!selection.all()) {
                    break;
                }
            }
        }
        if (images.isEmpty()) {
            throw new ImageException(source + ": no image for platform " + selection.wanted()
                    + " (the index has " + String.join(", ", seen) + "); choose one with --platform or use --all-platforms");
        }
        return images;
    }

    private void collect(JsonNode index, String ref, boolean refMatched, String inheritedName, int depth,
                         List<Candidate> out, Set<String> refs) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new ImageException(source + ": image indexes nested deeper than " + MAX_DEPTH);
        }
        JsonNode manifests = index.get("manifests");
        if (manifests == null || !manifests.isArray()) {
            throw new ImageException(source + ": index has no \"manifests\" list");
        }
        for (JsonNode d : manifests) {
            JsonNode annotations = d.get("annotations");
            String refName = Json.text(annotations, REF_NAME);
            String fullName = Json.text(annotations, CONTAINERD_NAME);
            if (refName != null) {
                refs.add(refName);
            }
            boolean matches = refMatched || ref == null || ref.equals(refName) || ref.equals(fullName);
            if ("attestation-manifest".equals(Json.text(annotations, "vnd.docker.reference.type"))) {
                continue;
            }
            Digest digest = descriptorDigest(d, "index entry");
            String mediaType = Json.text(d, "mediaType");
            String name = fullName != null ? fullName : refName != null ? refName : inheritedName;
            if (MediaTypes.isIndex(mediaType)) {
                JsonNode nested = Json.parse(content.read(digest, ImageContent.Kind.INDEX), source + ": index " + digest);
                collect(nested, ref, matches && ref != null, name, depth + 1, out, refs);
            } else if (matches && (mediaType == null || MediaTypes.isManifest(mediaType))) {
                JsonNode p = d.get("platform");
                Platform platform = p == null ? null
                        : new Platform(Json.text(p, "os"), Json.text(p, "architecture"), Json.text(p, "variant"));
                out.add(new Candidate(digest, platform, name));
            }
        }
    }

    /** The digest of descriptor {@code d}; {@code what} names the descriptor in the message when it is bad. */
    private Digest descriptorDigest(JsonNode d, String what) throws ImageException {
        try {
            return Digest.parse(Json.text(d, "digest"));
        } catch (IllegalArgumentException e) {
            throw new ImageException(source + ": " + what + ": " + e.getMessage());
        }
    }

    private Image load(Candidate c) throws IOException {
        JsonNode manifest = Json.parse(content.read(c.digest(), ImageContent.Kind.MANIFEST), source + ": manifest " + c.digest());
        if (manifest.has("manifests")) {
            throw new ImageException(source + ": manifest " + c.digest() + " is an index but is described as a manifest");
        }
        JsonNode configDesc = manifest.get("config");
        if (configDesc == null || !manifest.has("layers")) {
            throw new ImageException(source + ": manifest " + c.digest() + " has no config or layers");
        }
        Digest configDigest = descriptorDigest(configDesc, "manifest " + c.digest() + ": config descriptor");
        ImageConfig config = ConfigParser.parse(content.read(configDigest, ImageContent.Kind.CONFIG),
                source + ": config " + configDigest);
        JsonNode layers = manifest.get("layers");
        if (layers.size() != config.diffIds().size()) {
            throw new ImageException(source + ": manifest " + c.digest() + " lists " + layers.size()
                    + " layers but its config has " + config.diffIds().size() + " diff_ids");
        }
        List<String> createdBy = ConfigParser.createdBy(config, layers.size());
        List<LayerDescriptor> descriptors = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            JsonNode l = layers.get(i);
            descriptors.add(new LayerDescriptor(i, descriptorDigest(l, "manifest " + c.digest() + ": layer " + i),
                    config.diffIds().get(i),
                    Json.text(l, "mediaType"), l.path("size").asLong(-1), createdBy.get(i)));
        }
        return new Image(c.name(), c.digest(), config, descriptors, content::openLayer);
    }
}
