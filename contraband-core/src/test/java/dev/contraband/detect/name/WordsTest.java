package dev.contraband.detect.name;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTest {
    @Test
    void tokens_versionsAndSeparators_split() {
        assertThat(Words.tokens("python3.11-alpine", false)).containsExactly("python", "3", "11", "alpine");
    }

    @Test
    void tokens_gluedTrustWords_splitOffBothEnds() {
        assertThat(Words.tokens("officialnginx", false)).containsExactly("official", "nginx");
        assertThat(Words.tokens("dockerofficialnginx", false)).containsExactly("docker", "official", "nginx");
        assertThat(Words.tokens("golangalpine", false)).containsExactly("golang", "alpine");
    }

    @Test
    void tokens_shortRemainder_staysWhole() {
        assertThat(Words.tokens("goalpine", false)).containsExactly("goalpine");
    }

    @Test
    void removable_namespaceWordsDifferFromRepositoryWords() {
        assertThat(Words.removable("labs", true)).isTrue();
        assertThat(Words.removable("labs", false)).isFalse();
        assertThat(Words.removable("alpine", false)).isTrue();
        assertThat(Words.removable("18", false)).isTrue();
    }
}
