package dev.contraband.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;

/** Reads the small JSON documents of registry APIs (token answers, tag lists, config.json). */
public final class RegistryJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private RegistryJson() {
    }

    /** Parses an object; the message of the exception names {@code what} and not the content (it may hold secrets). */
    public static JsonNode parseObject(byte[] bytes, String what) throws RegistryException {
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new RegistryException(what + ": not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new RegistryException(what + ": not a JSON object");
        }
        return node;
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }
}
