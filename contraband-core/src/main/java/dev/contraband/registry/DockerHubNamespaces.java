package dev.contraband.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contraband.registry.transport.HttpTransport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Docker Hub's namespace API, which the registry API lacks ({@code /v2/_catalog} is not offered by Docker Hub):
 * {@code GET /v2/namespaces/NAMESPACE/repositories?page_size=N} on {@code hub.docker.com}, answering
 * {@code {"count", "next", "results": [{"name", "namespace", "description", "pull_count", "last_updated"}]}} and
 * paginated by the absolute {@code next} URL. Anonymous; shares the client's transport (retries, rate limit).
 */
public final class DockerHubNamespaces {
    public static final URI DOCKER_HUB = URI.create("https://hub.docker.com/");
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 100_000;
    /** A namespace or repository name as Hub allows them (and nothing that could change the URL). */
    private static final String NAME = "[a-z0-9][a-z0-9_.-]{0,254}";
    private final HttpTransport http;
    private final URI base;

    /** One repository of a namespace. {@code lastUpdated} is as Hub writes it (RFC 3339), or null. */
    public record Repository(String namespace, String name, String description, long pullCount, String lastUpdated) {
        /** The reference to pull it by. */
        public String reference() {
            return Reference.DOCKER_HUB + "/" + namespace + "/" + name;
        }
    }

    /** @param base {@link #DOCKER_HUB}, or a test server of the same shape */
    public DockerHubNamespaces(RegistryClient client, URI base) {
        this.http = client.transport();
        this.base = base;
    }

    public List<Repository> repositories(String namespace) throws IOException {
        if (!namespace.matches(NAME)) {
            throw new RegistryException("Docker Hub namespace \"" + namespace + "\" is invalid");
        }
        List<Repository> out = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        URI next = base.resolve("v2/namespaces/" + namespace + "/repositories?page_size=" + PAGE_SIZE);
        String subject = "Docker Hub namespace " + namespace;
        while (next != null) {
            if (!seen.add(next) || seen.size() > MAX_PAGES) {
                throw new RegistryException(subject + ": the pages loop");
            }
            JsonNode page = get(next, subject);
            for (JsonNode r : page.path("results")) {
                String ns = RegistryJson.text(r, "namespace");
                out.add(new Repository(ns == null ? namespace : ns, RegistryJson.text(r, "name"),
                        RegistryJson.text(r, "description"), r.path("pull_count").asLong(0),
                        RegistryJson.text(r, "last_updated")));
            }
            String link = RegistryJson.text(page, "next");
            next = link == null || link.isBlank() ? null : next.resolve(link);
        }
        return List.copyOf(out);
    }

    /**
     * How many tags Hub says a repository has: {@code GET /v2/namespaces/NS/repositories/NAME/tags?page_size=1},
     * reading {@code count}. The listing of {@link #repositories} does not say, and the registry API answers "name
     * unknown" alike for a repository without tags and for one that does not exist; Hub's own count tells an
     * "imageless" repository (one that only carries a description) apart.
     */
    public long tagCount(String namespace, String name) throws IOException {
        if (!namespace.matches(NAME) || !name.matches(NAME)) {
            throw new RegistryException("Docker Hub repository \"" + namespace + "/" + name + "\" is invalid");
        }
        String subject = "Docker Hub repository " + namespace + "/" + name;
        JsonNode page = get(base.resolve("v2/namespaces/" + namespace + "/repositories/" + name + "/tags?page_size=1"), subject);
        JsonNode count = page.path("count");
        if (!count.canConvertToLong() || count.asLong() < 0) {
            throw new RegistryException(subject + ": the tags answer has no count");
        }
        return count.asLong();
    }

    /** One JSON object from Hub's API: 200 only; a 404 is "not found". */
    private JsonNode get(URI uri, String subject) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpTransport.Request.get(uri, Map.of("Accept", "application/json")));
        } catch (IOException e) {
            throw Failures.of(base.getAuthority(), e);
        }
        byte[] body = RegistryHttp.readSmall(response, subject);
        if (response.statusCode() == 404) {
            throw new RegistryException(subject + ": not found");
        }
        if (response.statusCode() != 200) {
            throw new RegistryException(subject + ": HTTP " + response.statusCode());
        }
        return RegistryJson.parseObject(body, subject);
    }
}
