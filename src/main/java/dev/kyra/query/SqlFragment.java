package dev.kyra.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** SQL text with its named parameters. The text only ever holds feature-written expressions. */
public record SqlFragment(String sql, Map<String, Object> params) {

    public SqlFragment {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static SqlFragment of(String sql) {
        return new SqlFragment(sql, Map.of());
    }

    public SqlFragment and(SqlFragment other) {
        Map<String, Object> merged = new LinkedHashMap<>(params);
        merged.putAll(other.params);
        return new SqlFragment("(" + sql + ") and (" + other.sql + ")", merged);
    }
}
