package dev.contraband.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contraband.registry.RegistryException;
import dev.contraband.registry.RegistryJson;
import dev.contraband.registry.transport.HttpTransport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Gets a bearer token from the realm of a challenge (the Docker token protocol): anonymously, with Basic
 * credentials, or by trading an identity token (OAuth2 refresh_token grant, as Docker does).
 */
final class TokenFetcher {
    /** The token protocol's default lifetime when the answer gives none. */
    private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
    private static final int MAX_ANSWER = 1 << 20;
    private final HttpTransport http;

    TokenFetcher(HttpTransport http) {
        this.http = http;
    }

    TokenCache.Token fetch(String registry, Challenge challenge, String scope, Optional<Credential> credential,
                           Instant now) throws IOException {
        String realm = challenge.param("realm");
        if (realm == null || realm.isBlank()) {
            throw new RegistryException(registry + ": bearer challenge without realm");
        }
        URI realmUri;
        try {
            realmUri = URI.create(realm);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(registry + ": token realm is not a URL");
        }
        if (!"https".equals(realmUri.getScheme()) && !"http".equals(realmUri.getScheme())) {
            throw new RegistryException(registry + ": token realm is not an http(s) URL");
        }
        String service = challenge.param("service");
        Map<String, String> headers = new LinkedHashMap<>();
        HttpTransport.Request request;
        if (credential.isPresent() && credential.get().identityToken()) {
            String form = form("grant_type", "refresh_token") + "&" + form("client_id", "contraband")
                    + "&" + form("refresh_token", credential.get().secret())
                    + (service == null ? "" : "&" + form("service", service)) + (scope == null ? "" : "&" + form("scope", scope));
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            request = new HttpTransport.Request("POST", realmUri, headers, form.getBytes(StandardCharsets.UTF_8));
        } else {
            StringBuilder query = new StringBuilder();
            if (service != null) {
                query.append(form("service", service));
            }
            if (scope != null) {
                query.append(query.isEmpty() ? "" : "&").append(form("scope", scope));
            }
            if (credential.isPresent()) {
                Credential c = credential.get();
                query.append(query.isEmpty() ? "" : "&").append(form("account", c.username()));
                headers.put("Authorization", basic(c));
            }
            String sep = realm.contains("?") ? "&" : "?";
            request = HttpTransport.Request.get(URI.create(realm + (query.isEmpty() ? "" : sep + query)), headers);
        }
        HttpResponse<InputStream> response = http.send(request);
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_ANSWER);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new RegistryException("authentication failed for " + registry
                    + (credential.isPresent() ? "" : " (the registry wants credentials: --username, or docker login)"));
        }
        if (status != 200) {
            throw new RegistryException("token endpoint of " + registry + " answered HTTP " + status);
        }
        JsonNode answer = RegistryJson.parseObject(body, "token endpoint of " + registry);
        String token = RegistryJson.text(answer, "token");
        if (token == null || token.isEmpty()) {
            token = RegistryJson.text(answer, "access_token");
        }
        if (token == null || token.isEmpty()) {
            throw new RegistryException("token endpoint of " + registry + " answered without a token");
        }
        long expiresIn = answer.path("expires_in").asLong(0);
        Duration lifetime = expiresIn > 0 ? Duration.ofSeconds(expiresIn) : DEFAULT_LIFETIME;
        Instant issued = now;
        String issuedAt = RegistryJson.text(answer, "issued_at");
        if (issuedAt != null) {
            try {
                Instant told = Instant.parse(issuedAt);
                // a registry clock ahead of ours must not make the token look longer-lived than it is
                issued = told.isBefore(now) ? told : now;
            } catch (DateTimeParseException ignored) {
                // keep our own clock
            }
        }
        return new TokenCache.Token(token, issued.plus(lifetime));
    }

    static String basic(Credential c) {
        return "Basic " + Base64.getEncoder().encodeToString((c.username() + ":" + c.secret()).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(String k, String v) {
        return URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
