package dev.contraband.registry;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The distribution spec's error body, {@code {"errors":[{"code":"MANIFEST_UNKNOWN","message":"…"}]}}, turned into a
 * short text for messages. Details are left out: registries echo request parts in them.
 */
record ErrorBody(List<String> codes, String text) {
    static ErrorBody parse(byte[] body) {
        List<String> codes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try {
            JsonNode root = RegistryJson.parseObject(body, "error");
            for (JsonNode e : root.path("errors")) {
                String code = RegistryJson.text(e, "code");
                String message = RegistryJson.text(e, "message");
                if (code != null) {
                    codes.add(code);
                }
                if (message != null && message.length() < 200) {
                    texts.add(message);
                }
            }
        } catch (RegistryException notJson) {
            // an HTML page from a proxy; the status says enough
        }
        return new ErrorBody(List.copyOf(codes), String.join("; ", texts));
    }

    boolean has(String code) {
        return codes.contains(code);
    }
}
