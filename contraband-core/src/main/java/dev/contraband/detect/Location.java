package dev.contraband.detect;

/** Where in an image a finding was made; the report's {@code source} field says which kind. */
public sealed interface Location {
    /** The report contract's {@code source} value. */
    String source();

    /**
     * A file in a layer. {@code layer} and {@code deleted} are filled in when the image is assembled: a layer report
     * is made once per layer and shared by every image that has the layer.
     *
     * @param deleted whether a later layer deletes or replaces the file (the bytes are still in the image)
     */
    record File(String path, Integer line, LayerRef layer, boolean deleted) implements Location {
        /** Between an archive's path and the path of a file inside it: {@code /app/lib.jar!/config.properties}. */
        public static final String INSIDE = "!/";

        /** The path of the file in the layer: the outermost archive for a file inside one. */
        public String layerPath() {
            int inside = path.indexOf(INSIDE);
            return inside > 0 ? path.substring(0, inside) : path;
        }

        public File(String path, Integer line) {
            this(path, line, null, false);
        }

        public String source() {
            return "file";
        }
    }

    /** A field of the image config, such as {@code Entrypoint} or {@code Env[2]}. */
    record Config(String field) implements Location {
        public String source() {
            return "config";
        }
    }

    /** A history entry, with the layer it made when it made one. */
    record History(int entry, LayerRef layer) implements Location {
        public String source() {
            return "history";
        }
    }

    /** The name the image is published under. */
    record Name(String name) implements Location {
        public String source() {
            return "name";
        }
    }

    /** Registry metadata about the repository, such as its description. */
    record Metadata(String field) implements Location {
        public String source() {
            return "metadata";
        }
    }
}
