package dev.contraband.cli;

import dev.contraband.sample.FolderLayout;
import dev.contraband.sample.SampleImages;
import dev.contraband.sample.SampleRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code contraband training-run} (hidden): the workload the launcher records the JDK's ahead-of-time cache from.
 * It runs the real commands in this process over every source kind (docker-archive, OCI layout, a registry on
 * 127.0.0.1 serving the sample images) and every report format, then a big image: the JDK's own folder — a tree of
 * ELF libraries, text and configuration every machine running contraband has — packed as one gzip layer of an OCI
 * layout, the way most images arrive; so the cache holds the classes and method profiles of real scans. Reports go to a temporary folder, deleted at the end.
 */
@Command(name = "training-run", hidden = true,
        description = "Runs sample scans of every kind, for the launcher's ahead-of-time cache.")
final class TrainingCommand implements Callable<Integer> {
    @Option(names = "--big", paramLabel = "DIR",
            description = "A big folder to pack as a gzip OCI layout and scan last (default: the running JDK's).")
    Path big = Path.of(System.getProperty("java.home"));

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("contraband-training-");
        PrintStream out = System.out;
        try (SampleRegistry registry = SampleRegistry.serve(Map.of("sample/clean", SampleImages.clean(),
                "sample/dropper", SampleImages.dropper(), "sample/miner", SampleImages.miner()))) {
            // The commands print to stdout when they have no --output (name-check); nobody reads it.
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            List<String> targets = new ArrayList<>();
            SampleImages.write(dir).forEach(s -> targets.add(s.target()));
            targets.add(registry.host() + "/sample/miner:latest");
            targets.add(registry.host() + "/sample/dropper");
            int n = 0;
            for (String target : targets) {
                for (String format : List.of("table", "json", "sarif")) {
                    run("scan", target, "--format", format, "--output", dir.resolve("r" + n++).toString());
                }
            }
            run("name-check", "vibersastra/ubuntu", "libary/nginx", "golang-alpine", "grafana/grafana", "--format", "json");
            Path small = Files.isDirectory(big.resolve("conf")) ? big.resolve("conf") : big;
            run("scan", "dir:" + small, "--format", "json", "--output", dir.resolve("dir.json").toString());
            FolderLayout.write(big, dir.resolve("big-oci"), "big");
            run("scan", "oci:" + dir.resolve("big-oci") + ":big", "--format", "json", "--output", dir.resolve("big.json").toString());
            return ExitCodes.CLEAN;
        } finally {
            System.setOut(out);
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (args[0].equals("scan")) {
            all.addAll(List.of("--fail-on", "none", "--no-progress"));
        }
        int code = Main.run(all.toArray(String[]::new));
        if (code == ExitCodes.ERROR) {
            throw new IllegalStateException("training: " + String.join(" ", args) + " failed");
        }
    }
}
