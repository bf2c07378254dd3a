package dev.contraband.scan;

import dev.contraband.detect.FileDetector;
import dev.contraband.detect.ImageDetector;
import dev.contraband.detect.Rule;
import dev.contraband.detect.secret.SecretRuleSet;
import dev.contraband.feed.FeedSet;
import dev.contraband.feed.HashFeed;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DetectorsTest {
    /** Every concrete detector class compiled into the main output is registered: registration is explicit. */
    @Test
    void builtIn_listsEveryDetectorClass() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(FileDetector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<Class<?>> found = new HashSet<>();
        try (Stream<Path> walk = Files.walk(classes.resolve("dev/contraband/detect"))) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name);
                if ((FileDetector.class.isAssignableFrom(c) || ImageDetector.class.isAssignableFrom(c))
                        && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                    found.add(c);
                }
            }
        }
        Detectors d = Detectors.builtIn();
        Set<Class<?>> registered = new HashSet<>();
        d.files().forEach(x -> registered.add(x.getClass()));
        d.images().forEach(x -> registered.add(x.getClass()));
        assertThat(found).isNotEmpty();
        assertThat(registered).containsAll(found);
    }

    @Test
    void builtIn_ruleAndDetectorIdsAreUnique() {
        Detectors d = Detectors.builtIn();
        List<String> ruleIds = d.rules().stream().map(Rule::id).toList();
        assertThat(ruleIds).doesNotHaveDuplicates();
        List<String> ids = Stream.concat(d.files().stream().map(FileDetector::id), d.images().stream().map(ImageDetector::id)).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    /**
     * --scanners: all families make the built-in detectors, in their order (the layer-cache key lists them); one
     * family makes at least one detector, each from the package of that family.
     */
    @Test
    void with_families_allGiveTheBuiltInOnes_oneGivesJustItsOwnPackage() {
        Detectors d = Detectors.builtIn();
        Detectors all = Detectors.with(SecretRuleSet.builtIn(), FeedSet.builtIn(), HashFeed.empty(),
                java.util.EnumSet.allOf(Family.class));
        assertThat(all.fileDetectorsKey()).isEqualTo(d.fileDetectorsKey());
        assertThat(all.images()).extracting(ImageDetector::id).isEqualTo(d.images().stream().map(ImageDetector::id).toList());
        for (Family f : Family.values()) {
            Detectors one = Detectors.with(SecretRuleSet.builtIn(), FeedSet.builtIn(), HashFeed.empty(), Set.of(f));
            assertThat(one.files().size() + one.images().size()).as(f.id()).isPositive();
            Stream.concat(one.files().stream(), one.images().stream())
                    .forEach(x -> assertThat(x.getClass().getPackageName()).endsWith(".detect." + f.id()));
        }
    }

    @Test
    void parse_acceptsPluralsAndRefusesUnknownNames() {
        assertThat(Family.parse(List.of("secrets", " miner"))).containsExactly(Family.SECRET, Family.MINER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Family.parse(List.of("vuln")))
                .hasMessageContaining("unknown scanner 'vuln'");
    }
}
