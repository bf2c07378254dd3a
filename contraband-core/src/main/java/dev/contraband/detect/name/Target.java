package dev.contraband.detect.name;

/**
 * What an impostor poses as: an official image ({@code library/golang}), a publisher's repository
 * ({@code grafana/loki}), or, for namespace checks, a trusted namespace with no repository.
 */
public record Target(String namespace, String repository) {
    public boolean official() {
        return namespace.equals(ImageName.LIBRARY);
    }

    /** How reports name it: {@code library/golang}, or the bare namespace for a namespace target. */
    public String reference() {
        return repository == null ? namespace : namespace + "/" + repository;
    }

    @Override
    public String toString() {
        return reference();
    }
}
