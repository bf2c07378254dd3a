package dev.contraband.detect.name;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LookAlikesTest {
    @Test
    void skeleton_asciiConfusables_foldToOneForm() {
        assertThat(LookAlikes.skeleton("ng1nx")).isEqualTo(LookAlikes.skeleton("nginx"));
        assertThat(LookAlikes.skeleton("rnysql")).isEqualTo(LookAlikes.skeleton("mysql"));
        assertThat(LookAlikes.skeleton("vvordpress")).isEqualTo(LookAlikes.skeleton("wordpress"));
        assertThat(LookAlikes.skeleton("redi5")).isEqualTo(LookAlikes.skeleton("redis"));
        assertThat(LookAlikes.skeleton("m0ngo")).isEqualTo(LookAlikes.skeleton("mongo"));
    }

    @Test
    void stripSeparators_dashesUnderscoresDots_areDropped() {
        assertThat(LookAlikes.stripSeparators("node-js")).isEqualTo("nodejs");
        assertThat(LookAlikes.stripSeparators("rocket.chat")).isEqualTo("rocketchat");
        assertThat(LookAlikes.stripSeparators("node_js")).isEqualTo("nodejs");
    }

    @Test
    void adjacent_qwertyNeighbours_areAdjacentBothWays() {
        assertThat(Keyboard.adjacent('s', 'a')).isTrue();
        assertThat(Keyboard.adjacent('a', 's')).isTrue();
        assertThat(Keyboard.adjacent('s', 'z')).isTrue();
        assertThat(Keyboard.adjacent('y', 's')).isFalse();
    }
}
