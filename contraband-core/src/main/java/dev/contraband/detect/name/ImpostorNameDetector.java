package dev.contraband.detect.name;

import dev.contraband.detect.Finding;
import dev.contraband.detect.ImageContext;
import dev.contraband.detect.ImageDetector;
import dev.contraband.detect.Location;
import dev.contraband.detect.Rule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Reports an image whose name poses as an official image or a well-known publisher's repository. The finding's
 * evidence is the reference it poses as ({@code library/golang}), which the verdict quotes.
 */
public final class ImpostorNameDetector implements ImageDetector {
    private final NameChecker checker;

    public ImpostorNameDetector(NameChecker checker) {
        this.checker = checker;
    }

    /** With the user's reference set when installed ({@code contraband names update}), else the built-in one. */
    public static ImpostorNameDetector standard() {
        ReferenceStore store = ReferenceStore.standard();
        try {
            return new ImpostorNameDetector(new NameChecker(store.load()));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage() + " (fix the file, or run `contraband names reset` to use"
                    + " the built-in names)", e);
        }
    }

    @Override
    public String id() {
        return "impostor-name";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<Rule> rules() {
        return NameRules.all();
    }

    @Override
    public List<Finding> analyze(ImageContext image) {
        if (image.name() == null || image.name().isBlank()) {
            return List.of();
        }
        Optional<Impersonation> found;
        try {
            found = checker.check(image.name());
        } catch (IllegalArgumentException e) {
            // An OCI ref annotation may hold any text; a name Docker could not pull poses as nothing.
            return List.of();
        }
        return found.map(i -> List.of(finding(i))).orElse(List.of());
    }

    static Finding finding(Impersonation i) {
        String poses = i.impersonates().reference();
        return Finding.of(NameRules.of(i.technique()), new Location.Name(i.name().toString()),
                "image name " + i.name().path() + " poses as " + poses + ": " + i.detail(), poses, null, poses);
    }
}
