package dev.contraband.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token endpoint as Distribution's {@code auth.token} expects: checks Basic credentials (or none, for anonymous
 * pulls when {@code user} is null), and signs RS256 JWTs with a key made by openssl, its certificate in the
 * {@code x5c} header and in the registry's {@code rootcertbundle}. Counts the tokens it issues.
 */
public final class TokenServer implements AutoCloseable {
    public static final String SERVICE = "test-registry";
    public static final String ISSUER = "test-issuer";
    private final HttpServer server;
    private final PrivateKey key;
    private final String x5c;
    private final String user;
    private final String password;
    private final long lifetimeSeconds;
    private final AtomicInteger issued = new AtomicInteger();
    private final List<String> scopes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Path cert;

    private TokenServer(Path dir, String user, String password, long lifetimeSeconds) throws Exception {
        this.user = user;
        this.password = password;
        this.lifetimeSeconds = lifetimeSeconds;
        Files.createDirectories(dir);
        Path keyFile = dir.resolve("token-key.pem");
        cert = dir.resolve("token-cert.pem");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                keyFile.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=contraband-test-token")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IOException("openssl failed");
        }
        String pem = Files.readString(keyFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        X509Certificate c;
        try (var in = Files.newInputStream(cert)) {
            c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        x5c = Base64.getEncoder().encodeToString(c.getEncoded());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", this::token);
        server.start();
    }

    /** @param user required Basic user name, or null to give tokens to anyone */
    public static TokenServer start(Path dir, String user, String password, long lifetimeSeconds) throws Exception {
        return new TokenServer(dir, user, password, lifetimeSeconds);
    }

    /** The YAML value of the registry's {@code auth:} for this endpoint. */
    public String registryAuth() {
        return "{token: {realm: \"http://127.0.0.1:" + server.getAddress().getPort() + "/token\", service: " + SERVICE
                + ", issuer: " + ISSUER + ", rootcertbundle: " + cert.toAbsolutePath() + "}}";
    }

    public int issued() {
        return issued.get();
    }

    public List<String> scopes() {
        return new ArrayList<>(scopes);
    }

    private void token(HttpExchange ex) throws IOException {
        try (ex) {
            if (user != null) {
                String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
                if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                    ex.sendResponseHeaders(401, -1);
                    return;
                }
            }
            String query = ex.getRequestURI().getRawQuery();
            List<String[]> access = new ArrayList<>();
            for (String kv : query == null ? new String[0] : query.split("&")) {
                String[] parts = kv.split("=", 2);
                if (parts[0].equals("scope") && parts.length == 2) {
                    String scope = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
                    scopes.add(scope);
                    String[] s = scope.split(":");
                    if (s.length == 3) {
                        access.add(s);
                    }
                }
            }
            byte[] body = ("{\"token\":\"" + jwt(access) + "\",\"expires_in\":" + lifetimeSeconds + "}").getBytes(StandardCharsets.UTF_8);
            issued.incrementAndGet();
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private String jwt(List<String[]> access) throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode header = m.createObjectNode().put("typ", "JWT").put("alg", "RS256");
        header.putArray("x5c").add(x5c);
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = m.createObjectNode().put("iss", ISSUER).put("sub", user == null ? "" : user)
                .put("aud", SERVICE).put("exp", now + lifetimeSeconds).put("nbf", now - 10).put("iat", now)
                .put("jti", Long.toHexString(System.nanoTime()));
        var list = claims.putArray("access");
        for (String[] a : access) {
            ObjectNode entry = list.addObject().put("type", a[0]).put("name", a[1]);
            var actions = entry.putArray("actions");
            for (String action : a[2].split(",")) {
                actions.add(action);
            }
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(m.writeValueAsBytes(header)) + "." + b64.encodeToString(m.writeValueAsBytes(claims));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(s.sign());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
