package dev.contraband.detect.name;

import dev.contraband.detect.Category;
import dev.contraband.detect.Finding;
import dev.contraband.detect.ImageContext;
import dev.contraband.detect.Location;
import dev.contraband.detect.Severity;
import dev.contraband.detect.artifact.SuspiciousEntrypointDetector;
import dev.contraband.detect.artifact.SuspiciousFileDetector;
import dev.contraband.image.Image;
import dev.contraband.layer.ScanLimits;
import dev.contraband.sample.ImageBuilder;
import dev.contraband.sample.ImageWriter;
import dev.contraband.sample.LayerBuilder;
import dev.contraband.sample.SampleElf;
import dev.contraband.sample.SampleImages;
import dev.contraband.scan.Detectors;
import dev.contraband.scan.ImageReport;
import dev.contraband.scan.Scanner;
import dev.contraband.scan.Verdict;
import dev.contraband.source.ImageSource;
import dev.contraband.source.PlatformSelection;
import dev.contraband.source.Sources;
import dev.contraband.source.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImpostorNameDetectorTest {
    private final ImpostorNameDetector detector = new ImpostorNameDetector(new NameChecker(ReferenceStore.builtIn()));

    @TempDir
    Path dir;

    private List<Finding> analyze(String name) throws Exception {
        List<SampleImages.Sample> samples = SampleImages.write(dir);
        try (ImageSource source = Sources.open(Target.parse(samples.getFirst().target()))) {
            Image image = source.images(PlatformSelection.DEFAULT).getFirst();
            return detector.analyze(new ImageContext(name, image.config(), image.layers()));
        }
    }

    /** The built-in detectors, but with the built-in names whatever the user installed. */
    private Scanner scanner() {
        return new Scanner(new Detectors(List.of(new SuspiciousFileDetector()),
                List.of(new SuspiciousEntrypointDetector(), detector)), ScanLimits.DEFAULT);
    }

    private ImageReport scan(int sample, String name) throws Exception {
        List<SampleImages.Sample> samples = SampleImages.write(dir);
        Scanner scanner = scanner();
        try (ImageSource source = Sources.open(Target.parse(samples.get(sample).target()))) {
            Image image = source.images(PlatformSelection.DEFAULT).getFirst();
            Image named = new Image(name, image.digest(), image.config(), image.layers(), image.opener());
            return scanner.scan(samples.get(sample).target(), named);
        }
    }

    @Test
    void analyze_impostor_reportsTargetAsEvidenceAtTheNameLocation() throws Exception {
        List<Finding> f = analyze("libary/golang:1.22");
        assertThat(f).hasSize(1);
        assertThat(f.getFirst().rule().id()).isEqualTo("impostor.namespace-look-alike");
        assertThat(f.getFirst().category()).isEqualTo(Category.IMPOSTOR_NAME);
        assertThat(f.getFirst().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.getFirst().evidence()).isEqualTo("library/golang");
        assertThat(f.getFirst().location()).isEqualTo(new Location.Name("docker.io/libary/golang:1.22"));
        assertThat(f.getFirst().message()).contains("poses as library/golang");
    }

    @Test
    void analyze_genuineUnknownOrUnparseableName_reportsNothing() throws Exception {
        assertThat(analyze("golang:1.22")).isEmpty();
        assertThat(analyze(null)).isEmpty();
        assertThat(analyze("Not A Name")).isEmpty();
    }

    @Test
    void rules_oneRulePerTechnique() {
        assertThat(detector.rules()).hasSize(Technique.values().length)
                .allMatch(r -> r.id().startsWith("impostor.") && r.category() == Category.IMPOSTOR_NAME);
    }

    @Test
    void builtIn_registersTheDetector() {
        assertThat(Detectors.builtIn().images()).anyMatch(d -> d instanceof ImpostorNameDetector);
    }

    @Test
    void verdict_impostorAlone_isSuspicious() throws Exception {
        ImageReport r = scan(0, "x/golang-alpine");
        assertThat(r.verdict().status()).isEqualTo(Verdict.Status.SUSPICIOUS);
        assertThat(r.verdict().categories()).containsExactly(Category.IMPOSTOR_NAME);
    }

    /** An image with exactly one high finding (an ELF program in /tmp), saved under {@code repoTag}. */
    private ImageReport scanOneHighFinding(String repoTag) throws Exception {
        Path archive = dir.resolve("one-high.tar");
        ImageWriter.dockerArchive(archive, repoTag, ImageBuilder.create()
                .layer(LayerBuilder.create().dir("/tmp").file("/tmp/helper", SampleElf.program(), 0755)).build(), false);
        String target = "docker-archive:" + archive;
        try (ImageSource source = Sources.open(Target.parse(target))) {
            return scanner().scan(target, source.images(PlatformSelection.DEFAULT).getFirst());
        }
    }

    @Test
    void verdict_oneHighFindingUnderGenuineName_staysSuspicious() throws Exception {
        assertThat(scanOneHighFinding("golang:1.22").verdict().status()).isEqualTo(Verdict.Status.SUSPICIOUS);
    }

    @Test
    void verdict_impostorWithHighContent_isMaliciousAndSaysWhatItPosesAs() throws Exception {
        // The archive's own RepoTags name is what the scan checks when no --image-name is given.
        ImageReport r = scanOneHighFinding("libary/golang:1.22");
        assertThat(r.verdict().status()).isEqualTo(Verdict.Status.MALICIOUS);
        assertThat(r.verdict().explanation()).startsWith("poses as library/golang; ");
    }

    @Test
    void verdict_nameReuseWithHighContent_saysWhatItPosesAsButIsNotEscalated() throws Exception {
        ImageReport r = scanOneHighFinding("vibersastra/golang:latest");
        assertThat(r.verdict().status()).isEqualTo(Verdict.Status.SUSPICIOUS);
        assertThat(r.verdict().explanation()).startsWith("poses as library/golang; ");
    }

    @Test
    void verdict_genuineName_addsNothing() throws Exception {
        ImageReport r = scan(0, "golang");
        assertThat(r.verdict().status()).isEqualTo(Verdict.Status.CLEAN);
    }
}
