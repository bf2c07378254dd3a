package dev.contraband.detect.name;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TyposTest {
    @Test
    void classify_swap_isSwappedChars() {
        assertThat(Typos.classify("ngnix", "nginx")).isEqualTo(Technique.SWAPPED_CHARS);
    }

    @Test
    void classify_repeatedLetter_isDoubledChar() {
        assertThat(Typos.classify("nginxx", "nginx")).isEqualTo(Technique.DOUBLED_CHAR);
        assertThat(Typos.classify("nodee", "node")).isEqualTo(Technique.DOUBLED_CHAR);
    }

    @Test
    void classify_missingLetter_isOmittedChar() {
        assertThat(Typos.classify("ngnx", "nginx")).isEqualTo(Technique.OMITTED_CHAR);
    }

    @Test
    void classify_neighbourKey_isKeyboardAdjacent() {
        assertThat(Typos.classify("ubintu", "ubuntu")).isEqualTo(Technique.KEYBOARD_ADJACENT);
    }

    @Test
    void classify_distantKeyInShortName_isNoTypo() {
        // mssql and telegram are real products, not typos of mysql and telegraf.
        assertThat(Typos.classify("mssql", "mysql")).isNull();
        assertThat(Typos.classify("telegram", "telegraf")).isNull();
    }

    @Test
    void classify_firstLetterOfShortName_isNoTypo() {
        assertThat(Typos.classify("rocker", "docker")).isNull();
        assertThat(Typos.classify("host", "ghost")).isNull();
    }

    @Test
    void classify_fourLetterSubstitution_isNoTypo() {
        assertThat(Typos.classify("nose", "node")).isNull();
    }

    @Test
    void classify_longNameAnyEdit_isEditDistance() {
        assertThat(Typos.classify("wordpriss", "wordpress")).isEqualTo(Technique.EDIT_DISTANCE);
    }

    @Test
    void classify_twoEditsScaledToLength_onlyForLongNames() {
        assertThat(Typos.classify("elastisearhc", "elasticsearch")).isEqualTo(Technique.EDIT_DISTANCE);
        assertThat(Typos.classify("postgis", "postgres")).isNull();
    }

    @Test
    void withinOne_agreesWithTheFullDistance() {
        String[] words = {"nginx", "ngnix", "nginxx", "ngnx", "ngimx", "xnginx", "gnix", "nginx1", "ab", "ba", "abc", ""};
        for (String a : words) {
            for (String b : words) {
                assertThat(Typos.withinOne(a, b)).as(a + " / " + b).isEqualTo(Typos.distance(a, b, 1) <= 1);
            }
        }
    }

    @Test
    void distance_boundedComparison_givesUpPastMax() {
        assertThat(Typos.distance("kitten", "sitting", 3)).isEqualTo(3);
        assertThat(Typos.distance("kitten", "sitting", 1)).isEqualTo(2);
        assertThat(Typos.distance("ab", "ba", 1)).isEqualTo(1);
    }
}
