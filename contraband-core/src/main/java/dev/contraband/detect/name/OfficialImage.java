package dev.contraband.detect.name;

import java.util.List;

/** An official image ({@code docker.io/library/NAME}) and the other names people call it by. */
public record OfficialImage(String name, List<String> aliases) {
    public OfficialImage {
        aliases = List.copyOf(aliases);
    }
}
