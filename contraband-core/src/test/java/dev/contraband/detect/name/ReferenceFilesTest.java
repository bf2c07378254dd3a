package dev.contraband.detect.name;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceFilesTest {
    @Test
    void builtIn_holdsOfficialImagesAndAtLeastFortyPublishers() {
        ReferenceSet set = ReferenceStore.builtIn();
        assertThat(set.officialImages()).extracting(OfficialImage::name).contains("nginx", "golang", "ubuntu", "centos");
        assertThat(set.officialImages()).hasSizeGreaterThan(140);
        assertThat(set.publishers()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(set.origin()).contains("built-in").contains("2026");
    }

    @Test
    void parseCombined_formatOutput_roundTrips() throws Exception {
        ReferenceSet set = ReferenceStore.builtIn();
        String text = ReferenceFiles.format(set);
        ReferenceSet again = ReferenceFiles.parseCombined(text.lines().toList(), "export");
        assertThat(again.officialImages()).isEqualTo(set.officialImages());
        assertThat(again.publishers()).isEqualTo(set.publishers());
    }

    @Test
    void parseCombined_aliasesAndComments_areRead() throws Exception {
        ReferenceSet set = ReferenceFiles.parseCombined(List.of("[official-images]", "node nodejs # js",
                "", "[verified-publishers]", "acme app tool"), "f");
        assertThat(set.officialImages()).containsExactly(new OfficialImage("node", List.of("nodejs")));
        assertThat(set.publishers()).containsExactly(new Publisher("acme", List.of("app", "tool")));
    }

    @Test
    void parseCombined_badName_namesFileAndLine() {
        assertThatThrownBy(() -> ReferenceFiles.parseCombined(List.of("[official-images]", "nginx", "Bad"), "f.txt"))
                .isInstanceOf(ReferenceFileException.class).hasMessageStartingWith("f.txt:3:");
    }

    @Test
    void parseCombined_missingOrEmptyOfficialSection_isRefused() {
        assertThatThrownBy(() -> ReferenceFiles.parseCombined(List.of("[verified-publishers]", "acme"), "f"))
                .hasMessageContaining("no [official-images]");
        assertThatThrownBy(() -> ReferenceFiles.parseCombined(List.of("[official-images]", "# none"), "f"))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> ReferenceFiles.parseCombined(List.of("nginx"), "f"))
                .hasMessageContaining("before any section");
    }

    @Test
    void parseOfficial_duplicate_isRefused() {
        assertThatThrownBy(() -> ReferenceFiles.parseOfficial(List.of("nginx", "nginx"), "f"))
                .hasMessageContaining("twice");
    }
}
