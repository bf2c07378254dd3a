package dev.contraband.source;

import dev.contraband.image.Image;
import dev.contraband.image.Platform;
import dev.contraband.layer.Compression;
import dev.contraband.layer.ScanLimits;
import dev.contraband.registry.RegistrySettings;
import dev.contraband.registry.TestRegistry;
import dev.contraband.registry.auth.Credential;
import dev.contraband.sample.ImageBuilder;
import dev.contraband.sample.ImageWriter;
import dev.contraband.sample.LayerBuilder;
import dev.contraband.sample.SampleElf;
import dev.contraband.sample.SampleImages;
import dev.contraband.scan.Detectors;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Scanner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Images pushed once into a registry storage folder, and scanning helpers, for the registry tests. */
final class RegistryFixtures {
    static final int BIG_BYTES = 3 << 20;

    private RegistryFixtures() {
    }

    /** A layer of incompressible bytes big enough that breaking its download in the middle means something. */
    static ImageBuilder.Built big() {
        return big(Compression.GZIP);
    }

    static ImageBuilder.Built big(Compression compression) {
        byte[] noise = new byte[BIG_BYTES];
        new Random(42).nextBytes(noise);
        return ImageBuilder.create()
                .layer(LayerBuilder.create().dir("/data").file("/data/noise.bin", noise, 0644), compression, "ADD noise")
                .layer(LayerBuilder.create().dir("/tmp").file("/tmp/miner", SampleElf.program(), 0755), Compression.GZIP, "ADD miner")
                .build();
    }

    static ImageBuilder.Built arm64WithDropper() {
        return ImageBuilder.create().platform(Platform.parse("linux/arm64/v8"))
                .layer(LayerBuilder.create().dir("/tmp").file("/tmp/arm-miner", SampleElf.program(), 0755), Compression.GZIP, "ADD")
                .build();
    }

    static ImageBuilder.Built amd64Clean() {
        return ImageBuilder.create().layer(LayerBuilder.create().dir("/etc").file("/etc/motd", "hi\n"), Compression.GZIP, "ADD").build();
    }

    /** Writes the layouts under {@code dir} and pushes them into {@code registry}. */
    static void pushAll(Path dir, TestRegistry registry) throws IOException, InterruptedException {
        Path dropper = dir.resolve("dropper");
        ImageWriter.ociLayout(dropper, "v1", SampleImages.dropper());
        TestRegistry.push(dropper, "v1", registry.host() + "/ns/dropper:1", false, false);
        Path big = dir.resolve("big");
        ImageWriter.ociLayout(big, "v1", big());
        TestRegistry.push(big, "v1", registry.host() + "/ns/big:1", false, false);
        TestRegistry.push(big, "v1", registry.host() + "/ns/big-v2:1", false, true);
        Path zstd = dir.resolve("zstd");
        ImageWriter.ociLayout(zstd, "v1", big(Compression.ZSTD));
        TestRegistry.push(zstd, "v1", registry.host() + "/ns/zstd:1", false, false);
        Path multi = dir.resolve("multi");
        ImageWriter.ociLayoutMultiPlatform(multi, "v1", List.of(amd64Clean(), arm64WithDropper()));
        TestRegistry.push(multi, "v1", registry.host() + "/ns/multi:1", true, false);
        for (int i = 1; i <= 5; i++) {
            TestRegistry.push(big, "v1", registry.host() + "/ns/many:t" + i, false, false);
        }
    }

    /** Settings that ignore the real ~/.docker and have no rate limit; {@code env} feeds config and PATH lookup. */
    static RegistrySettings settings(Path dockerConfig, Map<String, String> env, Credential credential) {
        return new RegistrySettings(false, null, Duration.ofSeconds(10), Duration.ofSeconds(20), 3, 0, credential,
                dockerConfig, null, 0, env);
    }

    static RegistrySettings settings(Path emptyDir) throws IOException {
        Files.createDirectories(emptyDir);
        return settings(emptyDir, Map.of(), null);
    }

    static List<ImageReport> scan(String reference, RegistrySettings settings, PlatformSelection platforms) throws IOException {
        Scanner scanner = new Scanner(Detectors.builtIn(), ScanLimits.DEFAULT);
        List<ImageReport> reports = new ArrayList<>();
        try (ImageSource source = Sources.open(Target.parse(reference), settings)) {
            for (Image image : source.images(platforms)) {
                reports.add(scanner.scan(reference, image));
            }
        }
        return reports;
    }

    static ImageReport scan(String reference, RegistrySettings settings) throws IOException {
        return scan(reference, settings, PlatformSelection.DEFAULT).getFirst();
    }

    static List<String> rules(ImageReport r) {
        return r.findings().stream().map(f -> f.rule().id() + " " + (f.path() == null ? "-" : f.path())).sorted().toList();
    }
}
