package dev.contraband.cli;

import dev.contraband.sample.SampleImages;
import dev.contraband.sample.SampleRegistry;
import picocli.CommandLine.Command;

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
 * 127.0.0.1 serving the sample images, a folder) and every report format, so the cache holds the classes of real
 * scans, loaded and linked. Small images are enough: the launcher keeps no method profiles from it (see there). Reports go to a temporary folder, deleted at the end.
 */
@Command(name = "training-run", hidden = true,
        description = "Runs sample scans of every kind, for the launcher's ahead-of-time cache.")
final class TrainingCommand implements Callable<Integer> {
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
            // The samples' folder itself: the archives in it are opened as nested archives.
            run("scan", "dir:" + dir, "--format", "json", "--output", dir.resolve("dir.json").toString());
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
