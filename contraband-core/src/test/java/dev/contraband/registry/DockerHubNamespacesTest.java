package dev.contraband.registry;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Docker Hub is not reachable from the test machines, so this runs against a local server answering JSON of Hub's
 * shape ({@code /v2/namespaces/NS/repositories}, two pages linked by {@code next}).
 */
class DockerHubNamespacesTest {
    @TempDir
    Path tmp;
    HttpServer hub;
    RegistryClient client;
    URI base;

    @BeforeEach
    void start() throws IOException {
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = URI.create("http://127.0.0.1:" + hub.getAddress().getPort() + "/");
        hub.createContext("/v2/namespaces/", ex -> {
            String q = ex.getRequestURI().getQuery();
            String body;
            int status = 200;
            String path = ex.getRequestURI().getPath();
            if (path.equals("/v2/namespaces/vibersastra/repositories/golang/tags") && q.equals("page_size=1")) {
                body = "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}";
            } else if (path.equals("/v2/namespaces/vibersastra/repositories/ubuntu/tags") && q.equals("page_size=1")) {
                body = "{\"count\":12,\"next\":\"" + base + "v2/namespaces/vibersastra/repositories/ubuntu/tags?page=2&page_size=1\","
                        + "\"previous\":null,\"results\":[{\"name\":\"latest\"}]}";
            } else if (path.equals("/v2/namespaces/vibersastra/repositories/joomla/tags")) {
                body = "{\"results\":[]}";
            } else if (ex.getRequestURI().getPath().equals("/v2/namespaces/vibersastra/repositories")) {
                body = q.contains("page=2")
                        ? "{\"count\":3,\"next\":null,\"previous\":\"x\",\"results\":[{\"name\":\"golang\",\"namespace\":\"vibersastra\","
                        + "\"description\":null,\"pull_count\":7,\"last_updated\":null,\"is_private\":false}]}"
                        : "{\"count\":3,\"next\":\"" + base + "v2/namespaces/vibersastra/repositories?page=2&page_size=100\","
                        + "\"previous\":null,\"results\":[{\"name\":\"ubuntu\",\"namespace\":\"vibersastra\",\"description\":\"Ubuntu\","
                        + "\"pull_count\":1234,\"last_updated\":\"2021-03-04T05:06:07.123456Z\",\"star_count\":0},"
                        + "{\"name\":\"joomla\",\"namespace\":\"vibersastra\",\"description\":\"\",\"pull_count\":0,\"last_updated\":\"2021-01-01T00:00:00Z\"}]}";
            } else {
                status = 404;
                body = "{\"message\":\"object not found\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        hub.start();
        client = RegistryClient.create(new RegistrySettings(false, null, Duration.ofSeconds(5), Duration.ofSeconds(5), 0, 0,
                null, tmp, null, 0, Map.of()));
    }

    @AfterEach
    void stop() {
        client.close();
        hub.stop(0);
    }

    @Test
    void repositories_twoPages_allWithDescriptionPullsAndUpdate() throws IOException {
        List<DockerHubNamespaces.Repository> repos = new DockerHubNamespaces(client, base).repositories("vibersastra");
        assertThat(repos).extracting(DockerHubNamespaces.Repository::name).containsExactly("ubuntu", "joomla", "golang");
        assertThat(repos.getFirst()).isEqualTo(new DockerHubNamespaces.Repository("vibersastra", "ubuntu", "Ubuntu", 1234,
                "2021-03-04T05:06:07.123456Z"));
        assertThat(repos.get(2).reference()).isEqualTo("docker.io/vibersastra/golang");
    }

    @Test
    void tagCount_hubsCount_zeroForImageless_errorsSaySo() throws IOException {
        DockerHubNamespaces hub = new DockerHubNamespaces(client, base);
        assertThat(hub.tagCount("vibersastra", "golang")).isZero();
        assertThat(hub.tagCount("vibersastra", "ubuntu")).isEqualTo(12);
        assertThatThrownBy(() -> hub.tagCount("vibersastra", "joomla")).isInstanceOf(RegistryException.class)
                .hasMessage("Docker Hub repository vibersastra/joomla: the tags answer has no count");
        assertThatThrownBy(() -> hub.tagCount("vibersastra", "gone")).isInstanceOf(RegistryException.class)
                .hasMessage("Docker Hub repository vibersastra/gone: not found");
        assertThatThrownBy(() -> hub.tagCount("vibersastra", "../x")).isInstanceOf(RegistryException.class)
                .hasMessageContaining("is invalid");
    }

    @Test
    void repositories_unknownNamespace_notFound() {
        assertThatThrownBy(() -> new DockerHubNamespaces(client, base).repositories("nobody"))
                .isInstanceOf(RegistryException.class).hasMessage("Docker Hub namespace nobody: not found");
    }

    @Test
    void repositories_invalidNamespace_refusedBeforeAnyRequest() {
        assertThatThrownBy(() -> new DockerHubNamespaces(client, base).repositories("../etc"))
                .isInstanceOf(RegistryException.class).hasMessageContaining("invalid");
    }
}
