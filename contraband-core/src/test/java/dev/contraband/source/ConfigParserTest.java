package dev.contraband.source;

import dev.contraband.image.ImageConfig;
import dev.contraband.image.ImageException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigParserTest {
    static final String CONFIG = """
            {"architecture":"arm64","os":"linux","variant":"v8",
             "config":{"Entrypoint":["/docker-entrypoint.sh"],"Cmd":["nginx","-g","daemon off;"],
                       "Env":["PATH=/usr/bin"],"ExposedPorts":{"80/tcp":{}},"User":"101","WorkingDir":"/srv",
                       "Labels":{"maintainer":"x"}},
             "rootfs":{"type":"layers","diff_ids":["sha256:%s","sha256:%s"]},
             "history":[{"created_by":"ADD rootfs"},{"created_by":"ENV A=1","empty_layer":true},
                        {"created_by":"RUN apt-get install nginx"},{"created_by":"CMD nginx","empty_layer":true}]}
            """.formatted("a".repeat(64), "b".repeat(64));

    @Test
    void parse_fullConfig_readsEveryField() throws ImageException {
        ImageConfig c = ConfigParser.parse(CONFIG.getBytes(StandardCharsets.UTF_8), "config");
        assertThat(c.platform().toString()).isEqualTo("linux/arm64/v8");
        assertThat(c.command()).containsExactly("/docker-entrypoint.sh", "nginx", "-g", "daemon off;");
        assertThat(c.exposedPorts()).containsExactly("80/tcp");
        assertThat(c.user()).isEqualTo("101");
        assertThat(c.workingDir()).isEqualTo("/srv");
        assertThat(c.labels()).containsEntry("maintainer", "x");
        assertThat(c.diffIds()).hasSize(2);
    }

    @Test
    void createdBy_emptyLayerEntries_areSkipped() throws ImageException {
        ImageConfig c = ConfigParser.parse(CONFIG.getBytes(StandardCharsets.UTF_8), "config");
        assertThat(ConfigParser.createdBy(c, 2)).containsExactly("ADD rootfs", "RUN apt-get install nginx");
        assertThat(ConfigParser.createdBy(c, 3)).containsExactly("ADD rootfs", "RUN apt-get install nginx", null);
    }

    @Test
    void parse_badDiffId_namesField() {
        assertThatThrownBy(() -> ConfigParser.parse("{\"rootfs\":{\"diff_ids\":[\"md5:x\"]}}".getBytes(), "config c"))
                .hasMessageContaining("config c: rootfs.diff_ids");
    }
}
