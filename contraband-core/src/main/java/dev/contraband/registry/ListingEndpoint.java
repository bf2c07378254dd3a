package dev.contraband.registry;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paginated lists of the distribution API: {@code /v2/_catalog} ({@code repositories}) and
 * {@code /v2/NAME/tags/list} ({@code tags}). Pages are asked with {@code n}; the next page is the {@code Link} header
 * with {@code rel="next"} (which carries {@code last}), until there is none.
 */
final class ListingEndpoint {
    static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 100_000;
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");

    private ListingEndpoint() {
    }

    static List<String> catalog(RegistryHttp http, int pageSize) throws IOException {
        return all(http, http.uri("_catalog?n=" + pageSize), "registry:catalog:*", "repositories",
                http.registry() + " catalog");
    }

    static List<String> tags(RegistryHttp http, Reference repo, int pageSize) throws IOException {
        return all(http, http.uri(repo.repository() + "/tags/list?n=" + pageSize), ManifestEndpoint.scope(repo), "tags",
                repo.registry() + "/" + repo.repository());
    }

    private static List<String> all(RegistryHttp http, URI first, String scope, String field, String subject)
            throws IOException {
        List<String> out = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        URI next = first;
        while (next != null) {
            if (!seen.add(next) || seen.size() > MAX_PAGES) {
                throw new RegistryException(subject + ": the registry's pages loop (" + next + ")");
            }
            HttpResponse<InputStream> response = http.send("GET", next, scope, Map.of("Accept", "application/json"));
            if (response.statusCode() != 200) {
                throw http.error(response, subject);
            }
            JsonNode page = RegistryJson.parseObject(RegistryHttp.readSmall(response, subject), subject);
            page.path(field).forEach(n -> out.add(n.asText()));
            URI current = next;
            next = response.headers().allValues("Link").stream().map(ListingEndpoint::nextLink)
                    .flatMap(Optional::stream).findFirst().map(current::resolve).orElse(null);
        }
        return List.copyOf(out);
    }

    /** The target of {@code <URL>; rel="next"}, if the header has one. */
    static Optional<String> nextLink(String header) {
        Matcher m = LINK.matcher(header);
        while (m.find()) {
            String params = m.group(2).replace(" ", "");
            if (params.contains("rel=\"next\"") || params.contains("rel=next")) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
