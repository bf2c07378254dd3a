package dev.contraband.image;

import java.util.Locale;

/** An OCI platform: {@code os/architecture[/variant]}. */
public record Platform(String os, String architecture, String variant) {
    public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", null);

    public Platform {
        os = os == null || os.isBlank() ? "unknown" : os.toLowerCase(Locale.ROOT);
        architecture = architecture == null || architecture.isBlank() ? "unknown" : architecture.toLowerCase(Locale.ROOT);
        variant = variant == null || variant.isBlank() ? null : variant.toLowerCase(Locale.ROOT);
    }

    /** Parses {@code linux/arm64/v8}; throws {@link IllegalArgumentException} for anything else. */
    public static Platform parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("invalid platform \"" + text + "\" (expected os/arch[/variant], e.g. linux/arm64)");
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    public boolean isKnown() {
        return !os.equals("unknown") && !architecture.equals("unknown");
    }

    /**
     * Whether an image built for {@code this} platform satisfies a request for {@code wanted}. A request without
     * variant matches any variant; arm64's default variant is v8, as in containerd's platform matcher.
     */
    public boolean satisfies(Platform wanted) {
        if (!os.equals(wanted.os) || !architecture.equals(wanted.architecture)) {
            return false;
        }
        if (wanted.variant == null) {
            return true;
        }
        return normalizedVariant().equals(wanted.normalizedVariant());
    }

    private String normalizedVariant() {
        if (variant == null) {
            return architecture.equals("arm64") ? "v8" : "";
        }
        return variant;
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
