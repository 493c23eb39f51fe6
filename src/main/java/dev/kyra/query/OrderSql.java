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

    /** One resolved key: the SQL expression, its direction, and whether a record can lack it. */
    public record Key(String sql, boolean descending, boolean nullable) {

        Key reversed() {
            return new Key(sql, !descending, nullable);
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
            keys.add(new Key(attribute.sql(), key.descending(), attribute.nullable()));
        }
        boolean idDescending = !keys.isEmpty() && keys.get(0).descending();
        keys.add(new Key(idSql, idDescending, false));
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
     * Records strictly after the cursor in the order of the keys. When every key is present in every
     * record and all run one way, that is a row comparison {@code (k0, k1, id) > (c0, c1, cid)},
     * which PostgreSQL answers with an index range. Otherwise it is the expanded form
     * {@code k0 > c0 or (k0 = c0 and (k1 > c1 or ...))} with nulls largest, bounded on the first key
     * when that key is always present, so an index on it still narrows the scan.
     */
    public static SqlFragment after(List<Key> keys, List<Object> cursorValues, String prefix) {
        Parameters params = new Parameters(prefix);
        List<Object> values = cursorValues.stream().map(OrderSql::bindable).toList();
        boolean oneDirection = keys.stream().allMatch(key -> key.descending() == keys.get(0).descending());
        boolean present = keys.stream().noneMatch(Key::nullable) && values.stream().allMatch(java.util.Objects::nonNull);
        if (oneDirection && present) {
            List<String> columns = new ArrayList<>();
            List<String> placeholders = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                columns.add(keys.get(i).sql());
                placeholders.add(params.bind(values.get(i)));
            }
            String operator = keys.get(0).descending() ? " < " : " > ";
            return new SqlFragment("(" + String.join(", ", columns) + ")" + operator + "(" + String.join(", ", placeholders)
                    + ")", params.values());
        }
        List<String> alternatives = new ArrayList<>();
        List<String> equalSoFar = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Key key = keys.get(i);
            Object value = values.get(i);
            List<String> terms = new ArrayList<>(equalSoFar);
            terms.add(beyond(key, value, params));
            alternatives.add("(" + String.join(" and ", terms) + ")");
            equalSoFar.add(value == null ? key.sql() + " is null" : key.sql() + " = " + params.bind(value));
        }
        String sql = String.join(" or ", alternatives);
        Key first = keys.get(0);
        if (!first.nullable() && values.get(0) != null) {
            sql = first.sql() + (first.descending() ? " <= " : " >= ") + params.bind(values.get(0)) + " and (" + sql + ")";
        }
        return new SqlFragment(sql, params.values());
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
