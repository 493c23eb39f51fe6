package dev.kyra.query;

import java.util.LinkedHashMap;
import java.util.Map;

/** Hands out unique parameter names for one statement and keeps their values. */
final class Parameters {

    private final String prefix;
    private final Map<String, Object> values = new LinkedHashMap<>();

    Parameters(String prefix) {
        this.prefix = prefix;
    }

    /** A placeholder ({@code :q3}) bound to the value. */
    String bind(Object value) {
        String name = prefix + values.size();
        values.put(name, value);
        return ":" + name;
    }

    Map<String, Object> values() {
        return values;
    }
}
