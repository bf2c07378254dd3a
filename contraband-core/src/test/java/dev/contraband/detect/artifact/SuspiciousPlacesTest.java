package dev.contraband.detect.artifact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuspiciousPlacesTest {
    @Test
    void hiddenDir_minerHidingPlaces_found() {
        assertThat(SuspiciousPlaces.hiddenDir("/opt/.cache/kthreadd")).isEqualTo("/opt/.cache");
        assertThat(SuspiciousPlaces.hiddenDir("/root/.x/y/z")).isEqualTo("/root/.x");
    }

    @Test
    void hiddenDir_toolCaches_notHidden() {
        assertThat(SuspiciousPlaces.hiddenDir("/root/.cargo/bin/cargo")).isNull();
        assertThat(SuspiciousPlaces.hiddenDir("/root/.cache/ms-playwright/chromium-1/chrome")).isNull();
        assertThat(SuspiciousPlaces.hiddenDir("/app/.venv/bin/python")).isNull();
        assertThat(SuspiciousPlaces.hiddenDir("/usr/bin/ls")).isNull();
        assertThat(SuspiciousPlaces.hiddenDir("/.hidden-file")).isNull();
    }

    @Test
    void tempDir_onlyInsideTempFolders() {
        assertThat(SuspiciousPlaces.tempDir("/tmp/x")).isEqualTo("/tmp");
        assertThat(SuspiciousPlaces.tempDir("/dev/shm/x")).isEqualTo("/dev/shm");
        assertThat(SuspiciousPlaces.tempDir("/tmpfoo/x")).isNull();
    }
}
