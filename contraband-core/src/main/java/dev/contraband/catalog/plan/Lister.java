package dev.contraband.catalog.plan;

import dev.contraband.catalog.store.Store.ImageRow;
import dev.contraband.detect.name.DescriptionChecker;
import dev.contraband.image.Image;
import dev.contraband.image.ImageException;
import dev.contraband.registry.DockerHubNamespaces;
import dev.contraband.registry.Reference;
import dev.contraband.registry.RegistryClient;
import dev.contraband.source.PlatformSelection;
import dev.contraband.source.RegistrySource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a catalog source into image references: every repository of a registry's {@code _catalog} (optionally under a
 * prefix), every repository of a Docker Hub namespace, or the lines of a file; then the tags {@link TagSelection}
 * asks for. Repositories whose tags cannot be listed are reported as failed rows, not as a failed listing. Docker Hub
 * repositories carry their description to the store; one whose description links to a bad domain is asked Hub for
 * its tag count (only those: one request each), and without tags it is an imageless repository, listed apart.
 */
public final class Lister {
    /** Where the images come from. */
    public sealed interface Source {
        /** A registry's {@code /v2/_catalog}; {@code prefix} keeps repositories starting with it ("team/"), or null. */
        record Registry(String host, String prefix) implements Source {
        }

        /** A Docker Hub namespace; {@code api} is Hub (or a test server of its shape), {@code registry} where to pull from. */
        record HubNamespace(String namespace, URI api, String registry) implements Source {
        }

        /** One reference a line; {@code #} starts a comment line. */
        record ListFile(Path file) implements Source {
        }
    }

    /** A repository whose tags could not be listed, or a line that is not a reference. */
    public record Problem(String ref, String repository, String namespace, String error) {
    }

    /**
     * What a listing found: images to scan, problems to record as failed images, and imageless repositories (one row
     * each, ref {@code REPOSITORY:*}, with the description) to record with their description findings.
     */
    public record Listing(List<ImageRow> images, List<Problem> problems, List<ImageRow> imageless) {
    }

    private final RegistryClient client;
    private final TagSelection tags;
    private final DescriptionChecker descriptions;
    private final Map<String, String> createdCache = new ConcurrentHashMap<>();

    /** @param descriptions tells which Hub repositories are worth asking for their tag count */
    public Lister(RegistryClient client, TagSelection tags, DescriptionChecker descriptions) {
        this.client = client;
        this.tags = tags;
        this.descriptions = descriptions;
    }

    public Listing list(Source source) throws IOException {
        List<ImageRow> images = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<ImageRow> imageless = new ArrayList<>();
        switch (source) {
            case Source.Registry r -> {
                String host = host(r.host());
                for (String repo : client.catalog(host)) {
                    if (r.prefix() == null || repo.startsWith(r.prefix())) {
                        expand(Reference.parse(host + "/" + repo), null, images, problems);
                    }
                }
            }
            case Source.HubNamespace h -> {
                DockerHubNamespaces hub = new DockerHubNamespaces(client, h.api());
                String registry = h.registry() == null ? Reference.DOCKER_HUB : h.registry();
                for (DockerHubNamespaces.Repository repo : hub.repositories(h.namespace())) {
                    Reference ref = Reference.parse(registry + "/" + repo.namespace() + "/" + repo.name());
                    if (descriptions.linksBadDomain(repo.description()) && tagCount(hub, repo) == 0) {
                        ImageRow r = row(ref, repo.description());
                        imageless.add(new ImageRow(repositoryRef(ref), r.repository(), r.namespace(), null, repo.description()));
                    } else {
                        expand(ref, repo.description(), images, problems);
                    }
                }
            }
            case Source.ListFile f -> {
                List<String> lines = Files.readAllLines(f.file(), StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    Reference ref;
                    try {
                        ref = Reference.parse(line);
                    } catch (IllegalArgumentException e) {
                        throw new ImageException(f.file() + ":" + (i + 1) + ": " + e.getMessage());
                    }
                    if (explicitVersion(line)) {
                        images.add(row(ref));
                    } else {
                        expand(ref, null, images, problems);
                    }
                }
            }
        }
        return new Listing(images.stream().distinct().toList(), problems, imageless);
    }

    /** {@code http://host:port/} or {@code host:port} to {@code host:port}. */
    public static String host(String registry) {
        String h = registry.replaceFirst("^[a-zA-Z]+://", "");
        while (h.endsWith("/")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    private static boolean explicitVersion(String line) {
        String last = line.substring(line.lastIndexOf('/') + 1);
        return last.contains(":") || last.contains("@");
    }

    /**
     * Hub's tag count of a repository, or -1 when Hub cannot say: then the repository is listed as any other (its
     * tags listed or {@code :latest} tried), so an unreadable count never hides a repository.
     */
    private static long tagCount(DockerHubNamespaces hub, DockerHubNamespaces.Repository repo) {
        try {
            return hub.tagCount(repo.namespace(), repo.name());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The ref of a row standing for a whole repository (a failed tag listing, an imageless repository). */
    static String repositoryRef(Reference repo) {
        return repo.registry() + "/" + repo.repository() + ":*";
    }

    private void expand(Reference repo, String description, List<ImageRow> images, List<Problem> problems) {
        if (tags.mode() == TagSelection.Mode.LATEST) {
            images.add(row(new Reference(repo.registry(), repo.repository(), "latest", null), description));
            return;
        }
        try {
            List<String> all = new ArrayList<>(client.tags(repo));
            if (tags.mode() == TagSelection.Mode.RECENT && all.size() > tags.recent()) {
                Map<String, String> created = new java.util.HashMap<>();
                for (String t : all) {
                    created.put(t, created(new Reference(repo.registry(), repo.repository(), t, null)));
                }
                all.sort(Comparator.comparing((String t) -> created.get(t), Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(Comparator.naturalOrder()));
                all = all.subList(0, tags.recent());
            }
            all.stream().sorted().forEach(t -> images.add(row(new Reference(repo.registry(), repo.repository(), t, null), description)));
        } catch (IOException | RuntimeException e) {
            ImageRow r = row(repo);
            problems.add(new Problem(repositoryRef(repo), r.repository(), r.namespace(),
                    "listing tags: " + e.getMessage()));
        }
    }

    /** The config's {@code created} of a tag (RFC 3339 sorts as text), or "" when it cannot be read. */
    private String created(Reference ref) {
        return createdCache.computeIfAbsent(ref.toString(), k -> {
            try (RegistrySource source = RegistrySource.shared(ref, client, ref.toString())) {
                List<Image> images = source.images(PlatformSelection.DEFAULT);
                String c = images.isEmpty() ? null : images.getFirst().config().created();
                return c == null ? "" : c;
            } catch (IOException | RuntimeException e) {
                return "";
            }
        });
    }

    public static ImageRow row(Reference ref) {
        return row(ref, null);
    }

    /** The row of an image, with its repository's description (or null). */
    public static ImageRow row(Reference ref, String description) {
        String repository = ref.registry() + "/" + ref.repository();
        return new ImageRow(ref.toString(), repository, namespace(ref.repository()), ref.tag(), description);
    }

    /** The uploader: the first path part of the repository ("library" for a one-part name, as Docker Hub does). */
    public static String namespace(String repositoryPath) {
        int slash = repositoryPath.indexOf('/');
        return slash < 0 ? "library" : repositoryPath.substring(0, slash);
    }
}
