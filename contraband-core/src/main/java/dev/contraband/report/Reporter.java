package dev.contraband.report;

import dev.contraband.scan.ImageReport;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes scan reports in one format. Secrets reach reporters already redacted. */
public interface Reporter {
    /**
     * Writes the reports of one scan: one image, or one per platform with {@code --all-platforms}.
     *
     * @param single whether the user asked for one image (JSON then prints one object rather than an array)
     */
    void write(List<ImageReport> reports, boolean single, OutputStream out) throws IOException;
}
