package dev.contraband.registry;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's real {@code docker-registry} (CNCF Distribution 2.8) on 127.0.0.1 with a free port, serving a storage
 * folder that may be shared by several instances (one anonymous to push into, others with auth in front of the same
 * content). Stopped by {@link #close()}.
 */
public final class TestRegistry implements AutoCloseable {
    private final Process process;
    private final int port;

    private TestRegistry(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** @param auth YAML of the {@code auth:} section's value, or null for anonymous */
    public static TestRegistry start(Path storage, Path workDir, String auth) throws IOException, InterruptedException {
        int port = freePort();
        Files.createDirectories(workDir);
        Path config = workDir.resolve("registry-" + port + ".yml");
        Files.writeString(config, "version: 0.1\n"
                + "log: {level: error, accesslog: {disabled: true}}\n"
                + "storage: {filesystem: {rootdirectory: " + storage.toAbsolutePath() + "}, delete: {enabled: true}}\n"
                + "http: {addr: 127.0.0.1:" + port + "}\n"
                + (auth == null ? "" : "auth: " + auth + "\n"));
        Process p = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("registry-" + port + ".log").toFile()).start();
        TestRegistry r = new TestRegistry(p, port);
        r.awaitReady();
        return r;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Startup wait, not an assertion: polls /v2/ until the registry answers at all. */
    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited with " + process.exitValue());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://" + host() + "/v2/").toURL().openConnection();
                c.setConnectTimeout(1000);
                c.getResponseCode();
                c.disconnect();
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("docker-registry did not start on port " + port);
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1:" + port;
    }

    /** Pushes an OCI layout's image with skopeo ({@code --all} for an index, {@code v2s2} for Docker's format). */
    public static void push(Path layout, String layoutRef, String destination, boolean all, boolean v2s2)
            throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("skopeo", "--insecure-policy", "copy", "-q",
                "--dest-tls-verify=false"));
        if (all) {
            cmd.add("--all");
        }
        if (v2s2) {
            cmd.addAll(List.of("--format", "v2s2"));
        }
        cmd.add("oci:" + layout + ":" + layoutRef);
        cmd.add("docker://" + destination);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("skopeo failed: " + out);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
