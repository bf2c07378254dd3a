package dev.contraband.scan;

import dev.contraband.detect.Finding;
import dev.contraband.detect.ImageContext;
import dev.contraband.detect.ImageDetector;
import dev.contraband.image.Image;
import dev.contraband.image.LayerDescriptor;
import dev.contraband.layer.LayerReport;
import dev.contraband.layer.LayerWalker;
import dev.contraband.layer.ScanLimits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Scans one image: every layer once through the file detectors, then the image detectors, then assembly. */
public final class Scanner {
    /** Told as each layer starts, for progress display. */
    public interface Listener {
        void layerStarted(Image image, LayerDescriptor layer);

        Listener NONE = (image, layer) -> {
        };
    }

    private final Detectors detectors;
    private final LayerWalker walker;
    private final Listener listener;

    public Scanner(Detectors detectors, ScanLimits limits, Listener listener) {
        this.detectors = detectors;
        this.walker = new LayerWalker(detectors.files(), limits);
        this.listener = listener;
    }

    public Scanner(Detectors detectors, ScanLimits limits) {
        this(detectors, limits, Listener.NONE);
    }

    public ImageReport scan(String target, Image image) throws IOException {
        List<LayerReport> layers = new ArrayList<>();
        for (LayerDescriptor layer : image.layers()) {
            listener.layerStarted(image, layer);
            layers.add(scanLayer(image, layer));
        }
        return ImageAssembler.assemble(target, image, layers, imageFindings(image), detectors.rules());
    }

    /** The image detectors' findings (config, history, name): no layer is read, so layer reports may come from a cache. */
    public List<Finding> imageFindings(Image image) {
        ImageContext context = new ImageContext(image.name(), image.config(), image.layers());
        List<Finding> imageFindings = new ArrayList<>();
        for (ImageDetector d : detectors.images()) {
            imageFindings.addAll(d.analyze(context));
        }
        return imageFindings;
    }

    /** Scans one layer on its own; the report does not depend on the image it came from. */
    public LayerReport scanLayer(Image image, LayerDescriptor layer) throws IOException {
        String id = layer.digest() != null ? layer.digest().toString()
                : layer.diffId() != null ? "diffId " + layer.diffId() : "";
        String label = "layer " + layer.index() + (id.isEmpty() ? "" : " " + id);
        return walker.walk(layer, image.opener().open(layer), label);
    }
}
