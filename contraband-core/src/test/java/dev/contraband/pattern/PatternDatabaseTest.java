package dev.contraband.pattern;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatternDatabaseTest {
    @Test
    void scan_matchSpanningChunks_isFoundWithFileOffset() {
        PatternDatabase db = PatternDatabase.compile(List.of("ghp_[A-Za-z0-9]{36}", "(?i)stratum\\+tcp://"));
        byte[] data = ("x".repeat(100) + "ghp_" + "a1".repeat(18) + " then STRATUM+TCP://pool").getBytes(StandardCharsets.US_ASCII);
        List<String> hits = new ArrayList<>();
        try (PatternStream s = db.open((id, end) -> hits.add(id + "@" + end))) {
            s.scan(data, 0, 110);
            s.scan(data, 110, data.length - 110);
        }
        assertThat(hits).containsExactly("0@140", "1@160");
    }

    @Test
    void open_afterClose_reusesPooledStream() {
        PatternDatabase db = PatternDatabase.compile(List.of("abc"));
        PatternStream first;
        try (PatternStream s = db.open((id, end) -> true)) {
            first = s;
        }
        try (PatternStream s = db.open((id, end) -> true)) {
            assertThat(s).isSameAs(first);
        }
    }

    @Test
    void compile_invalidPattern_namesIt() {
        assertThatThrownBy(() -> PatternDatabase.compile(List.of("ok", "a{2,1}")))
                .hasMessageContaining("a{2,1}");
    }

    @Test
    void scan_sinkReturnsFalse_stops() {
        PatternDatabase db = PatternDatabase.compile(List.of("a"));
        List<Long> hits = new ArrayList<>();
        try (PatternStream s = db.open((id, end) -> {
            hits.add(end);
            return false;
        })) {
            s.scan("aaaa".getBytes(), 0, 4);
            assertThat(s.stopped()).isTrue();
        }
        assertThat(hits).containsExactly(1L);
    }
}
