package dev.contraband.detect.name;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceStoreTest {
    @TempDir
    Path dir;

    @Test
    void forEnvironment_xdgDataHome_isUsed() {
        ReferenceStore s = ReferenceStore.forEnvironment(Map.of("XDG_DATA_HOME", dir.toString()), "/home/u");
        assertThat(s.userFile()).isEqualTo(dir.resolve("contraband").resolve(ReferenceStore.FILE_NAME));
    }

    @Test
    void forEnvironment_noOrRelativeXdg_fallsBackToLocalShare() {
        Path expected = Path.of("/home/u/.local/share/contraband", ReferenceStore.FILE_NAME);
        assertThat(ReferenceStore.forEnvironment(Map.of(), "/home/u").userFile()).isEqualTo(expected);
        assertThat(ReferenceStore.forEnvironment(Map.of("XDG_DATA_HOME", "rel"), "/home/u").userFile()).isEqualTo(expected);
    }

    @Test
    void load_withoutUserCopy_isBuiltIn() throws Exception {
        ReferenceStore s = new ReferenceStore(dir.resolve("c").resolve(ReferenceStore.FILE_NAME));
        assertThat(s.load().origin()).startsWith("built-in");
    }

    @Test
    void install_validFile_isPreferredAfterwards_andResetRemovesIt() throws Exception {
        Path from = Files.writeString(dir.resolve("names.txt"), "[official-images]\nacmeapp\n");
        ReferenceStore s = new ReferenceStore(dir.resolve("data/contraband").resolve(ReferenceStore.FILE_NAME));
        s.install(from);
        assertThat(s.load().officialImages()).extracting(OfficialImage::name).containsExactly("acmeapp");
        assertThat(s.reset()).isTrue();
        assertThat(s.load().origin()).startsWith("built-in");
    }

    @Test
    void install_invalidFile_keepsThePreviousSet() throws Exception {
        ReferenceStore s = new ReferenceStore(dir.resolve(ReferenceStore.FILE_NAME));
        s.install(Files.writeString(dir.resolve("good.txt"), "[official-images]\nacmeapp\n"));
        Path bad = Files.writeString(dir.resolve("bad.txt"), "[official-images]\nNOT OK\n");
        assertThatThrownBy(() -> s.install(bad)).isInstanceOf(ReferenceFileException.class);
        assertThat(s.load().officialImages()).extracting(OfficialImage::name).containsExactly("acmeapp");
    }
}
