package dev.contraband.cli;

import dev.contraband.image.Image;
import dev.contraband.image.LayerDescriptor;
import dev.contraband.scan.Scanner;

import java.io.PrintStream;

/** A one-line progress display on stderr, shown only when stderr is a terminal. */
final class Progress implements Scanner.Listener {
    private final PrintStream err;
    private final boolean enabled;
    private boolean dirty;

    Progress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Whether stderr looks like a terminal: a console is attached and TERM is not "dumb". */
    static boolean stderrIsTerminal() {
        java.io.Console console = System.console();
        String term = System.getenv("TERM");
        return console != null && console.isTerminal() && term != null && !term.equals("dumb");
    }

    @Override
    public void layerStarted(Image image, LayerDescriptor layer) {
        if (!enabled) {
            return;
        }
        String id = layer.digest() != null ? layer.digest().shortHex() : layer.diffId() != null ? layer.diffId().shortHex() : "";
        err.print("\r\u001b[Kscanning layer " + (layer.index() + 1) + "/" + image.layers().size() + " " + id);
        err.flush();
        dirty = true;
    }

    void clear() {
        if (enabled && dirty) {
            err.print("\r\u001b[K");
            err.flush();
            dirty = false;
        }
    }
}
