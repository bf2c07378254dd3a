package dev.contraband.layer;

import dev.contraband.detect.Finding;
import dev.contraband.image.Digest;

import java.util.List;
import java.util.Set;

/**
 * What one layer holds, independent of any image: the findings in its files (including files a later layer of
 * some image may delete), and what the assembler needs to tell deletions: its paths, whiteouts and opaque folders.
 *
 * @param digest     sha256 of the stored blob as read (verified against the descriptor when it names one)
 * @param diffId     sha256 of the uncompressed tar as read (verified against the config's diff_id)
 * @param whiteouts  paths this layer deletes from the layers below ({@code .wh.NAME})
 * @param opaqueDirs folders whose lower-layer content this layer hides ({@code .wh..wh..opq})
 */
public record LayerReport(Digest digest, Digest diffId, Compression compression, long storedBytes,
                          long uncompressedBytes, int entries, List<Finding> findings, Set<String> paths,
                          Set<String> whiteouts, Set<String> opaqueDirs) {
    public LayerReport {
        findings = List.copyOf(findings);
        paths = Set.copyOf(paths);
        whiteouts = Set.copyOf(whiteouts);
        opaqueDirs = Set.copyOf(opaqueDirs);
    }
}
