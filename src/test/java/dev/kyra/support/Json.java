package dev.kyra.support;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Small helpers to build request bodies in tests. */
public final class Json {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Json() {
    }

    /** A JSON object from alternating keys and values: {@code Json.object("type", "individual", "email", "a@b.co")}. */
    public static String object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return JSON.writeValueAsString(map);
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static ObjectNode parse(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    public static JsonNode tree(String json) {
        return JSON.readTree(json);
    }

    /** A copy of the JSON object with fields replaced (a null value writes an explicit null). */
    public static String with(String json, Object... keysAndValues) {
        ObjectNode node = parse(json);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.set((String) keysAndValues[i], JSON.valueToTree(keysAndValues[i + 1]));
        }
        return node.toString();
    }

    /** A copy of the JSON object without the given fields. */
    public static String without(String json, String... keys) {
        ObjectNode node = parse(json);
        for (String key : keys) {
            node.remove(key);
        }
        return node.toString();
    }
}
