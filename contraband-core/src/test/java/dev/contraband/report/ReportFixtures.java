package dev.contraband.report;

import dev.contraband.sample.ImageWriter;
import dev.contraband.sample.SampleImages;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Scans;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Real reports of the demo's sample images, for reporter tests. */
final class ReportFixtures {
    private ReportFixtures() {
    }

    static ImageReport dropper(Path dir) throws IOException {
        ImageWriter.ociLayout(dir, "latest", SampleImages.dropper());
        return Scans.scan("oci:" + dir + ":latest");
    }

    static ImageReport clean(Path dir) throws IOException {
        Path file = dir.resolve("clean.tar");
        ImageWriter.dockerArchive(file, "demo/clean:1", SampleImages.clean(), true);
        return Scans.scan("docker-archive:" + file);
    }

    static String render(Reporter reporter, List<ImageReport> reports, boolean single) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reporter.write(reports, single, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
