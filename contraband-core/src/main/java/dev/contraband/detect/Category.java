package dev.contraband.detect;

/** Finding categories; the ids are part of the report contract. */
public enum Category {
    CRYPTOMINING("cryptomining"),
    EMBEDDED_SECRET("embedded-secret"),
    MALICIOUS_WEBSITE("malicious-website"),
    NEWLY_REGISTERED_DOMAIN("newly-registered-domain"),
    DYNAMIC_DNS("dynamic-dns"),
    PROXY_AVOIDANCE("proxy-avoidance"),
    HACKING_TOOL("hacking-tool"),
    DYNAMIC_DOWNLOAD("dynamic-download"),
    BACKDOOR("backdoor"),
    IMPOSTOR_NAME("impostor-name"),
    OTHER("other");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
