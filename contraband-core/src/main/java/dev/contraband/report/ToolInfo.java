package dev.contraband.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's name and version, as reports and {@code --version} print them. */
public final class ToolInfo {
    public static final String NAME = "contraband";
    public static final String URI = "https://github.com/contraband-dev/contraband";
    private static final String VERSION = load();

    private ToolInfo() {
    }

    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ToolInfo.class.getResourceAsStream("tool.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
