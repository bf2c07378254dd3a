package dev.contraband.pattern;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WindowedScanTest {
    @Test
    void resolve_hitStraddlingTinyChunks_seesBytesBeforeAndAfter() {
        PatternDatabase db = PatternDatabase.compile(List.of("needle"));
        String text = "0123456789-before-needle-after-0123456789";
        List<String> windows = new ArrayList<>();
        WindowedScan scan = new WindowedScan(db, 10, 8, (id, end, w) -> {
            windows.add(w.start() + ":" + new String(w.bytes(), StandardCharsets.ISO_8859_1));
            return true;
        });
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < b.length; i += 3) {
            scan.update(b, i, Math.min(3, b.length - i));
        }
        scan.close();
        int end = text.indexOf("needle") + 6;
        assertThat(windows).containsExactly((end - 10) + ":" + text.substring(end - 10, end + 8));
    }

    @Test
    void resolve_hitNearTheEnd_resolvedAtClose() {
        PatternDatabase db = PatternDatabase.compile(List.of("end"));
        List<Long> ends = new ArrayList<>();
        WindowedScan scan = new WindowedScan(db, 4, 100, (id, end, w) -> ends.add(end));
        byte[] b = "the end".getBytes(StandardCharsets.ISO_8859_1);
        scan.update(b, 0, b.length);
        assertThat(ends).isEmpty();
        scan.close();
        assertThat(ends).containsExactly(7L);
    }
}
