package dev.kyra.query;

import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Sort orders and keyset cursors in SQL. Every order ends with the record id, so it is total and a
 * cursor (the sort values of one record) marks an exact place in it, whatever keys the client sorts
 * by. Nulls count as larger than every value, as PostgreSQL orders them by default.
 */
public final class OrderSql {

    /** One resolved key: the SQL expression and its direction. */
    public record Key(String sql, boolean descending) {

        Key reversed() {
            return new Key(sql, !descending);
        }
    }

    private OrderSql() {
    }

    /** The keys of a sort, resolved against the table, with the id as the last key. */
    public static List<Key> keys(List<SortKey> sort, AttributeTable attributes, String idSql) {
        List<Key> keys = new ArrayList<>();
        for (SortKey key : sort) {
            QueryAttribute attribute = attributes.get(key.attribute(), "sort");
            if (!attribute.sortable()) {
                throw new InvalidQueryException("sort", "'" + key.attribute() + "' cannot be sorted by");
            }
            keys.add(new Key(attribute.sql(), key.descending()));
        }
        boolean idDescending = !keys.isEmpty() && keys.get(0).descending();
        keys.add(new Key(idSql, idDescending));
        return keys;
    }

    public static List<Key> reversed(List<Key> keys) {
        return keys.stream().map(Key::reversed).toList();
    }

    public static String orderBy(List<Key> keys) {
        List<String> parts = new ArrayList<>();
        for (Key key : keys) {
            parts.add(key.sql() + (key.descending() ? " desc nulls first" : " asc nulls last"));
        }
        return String.join(", ", parts);
    }

    /** The expressions whose values a cursor record must supply, in key order. */
    public static String selectList(List<Key> keys) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            parts.add(keys.get(i).sql() + " as k" + i);
        }
        return String.join(", ", parts);
    }

    /**
     * Records strictly after the cursor in the order of the keys:
     * {@code k0 > c0 or (k0 = c0 and (k1 > c1 or (k1 = c1 and ...)))}, with nulls largest.
     */
    public static SqlFragment after(List<Key> keys, List<Object> cursorValues, String prefix) {
        Parameters params = new Parameters(prefix);
        List<String> alternatives = new ArrayList<>();
        List<String> equalSoFar = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Key key = keys.get(i);
            Object value = bindable(cursorValues.get(i));
            String beyond = beyond(key, value, params);
            List<String> terms = new ArrayList<>(equalSoFar);
            terms.add(beyond);
            alternatives.add("(" + String.join(" and ", terms) + ")");
            equalSoFar.add(value == null ? key.sql() + " is null" : key.sql() + " = " + params.bind(value));
        }
        return new SqlFragment(String.join(" or ", alternatives), params.values());
    }

    private static String beyond(Key key, Object value, Parameters params) {
        if (key.descending()) {
            return value == null ? key.sql() + " is not null" : key.sql() + " < " + params.bind(value);
        }
        return value == null ? "false" : "(" + key.sql() + " > " + params.bind(value) + " or " + key.sql() + " is null)";
    }

    /** Timestamps are bound with their offset so they compare as timestamptz, whatever the session zone. */
    private static Object bindable(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant().atOffset(ZoneOffset.UTC) : value;
    }
}
