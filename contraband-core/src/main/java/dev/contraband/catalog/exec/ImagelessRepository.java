package dev.contraband.catalog.exec;

import dev.contraband.catalog.store.Store.ImageRow;
import dev.contraband.detect.Finding;
import dev.contraband.detect.Rule;
import dev.contraband.detect.name.DescriptionChecker;
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
        return ImageAssembler.withoutImage(row.ref(), row.repository(), findings, rules);
    }
}
