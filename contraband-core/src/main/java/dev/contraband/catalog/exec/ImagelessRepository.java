package dev.contraband.catalog.exec;

import dev.contraband.catalog.store.Store.ImageRow;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Rule;
import dev.contraband.detect.name.DescriptionChecker;
import dev.contraband.image.Image;
import dev.contraband.image.ImageConfig;
import dev.contraband.image.Platform;
import dev.contraband.scan.ImageAssembler;
import dev.contraband.scan.ImageReport;

import java.util.List;

/**
 * The report of an imageless repository: a Docker Hub repository without a single tag whose description links to bad
 * domains. It has no image, so no digest, platform or layers; its findings are the description's, from
 * {@link DescriptionChecker#checkRepository}, and its verdict is decided as an image's is (the bad-link and the
 * imageless findings are two high findings of different rules: malicious).
 */
final class ImagelessRepository {
    private ImagelessRepository() {
    }

    static ImageReport report(ImageRow row, DescriptionChecker descriptions, List<Rule> rules) {
        List<Finding> findings = descriptions.checkRepository(row.description(), 0);
        // Assembled from no layers, only for the verdict the one VerdictPolicy gives; the platform is nobody's.
        Image nothing = new Image(row.repository(), null, ImageConfig.empty(Platform.LINUX_AMD64, List.of()), List.of(),
                layer -> {
                    throw new IllegalStateException("an imageless repository has no layers");
                });
        ImageReport assembled = ImageAssembler.assemble(row.ref(), nothing, List.of(), findings, rules);
        return new ImageReport(row.ref(), row.repository(), null, null, List.of(), assembled.verdict(),
                assembled.findings(), rules);
    }
}
