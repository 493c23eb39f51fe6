package dev.kyra.face.allawee;

import dev.kyra.query.Condition;
import dev.kyra.query.InvalidQueryException;
import dev.kyra.query.ListQuery;
import dev.kyra.query.SortKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The list parameters of the Allawee face (allawee.md §4.B, decision A11) as a core {@link ListQuery}
 * plus the {@code select} to apply to the page:
 * <ul>
 *   <li>{@code filter} (all hold), {@code or} (one holds), {@code nor} (none holds), {@code and} (all
 *       hold): present groups combine with AND;</li>
 *   <li>{@code sort}: space- or comma-separated fields, {@code -} for descending; default
 *       {@code -createdAt};</li>
 *   <li>{@code limit} 1 to 100, default 20; {@code after}/{@code before} cursors (and the legacy
 *       {@code lastId} for {@code after}); the legacy {@code page}, counted from 1, as an offset;</li>
 *   <li>{@code countTotal}, bare or true; {@code select} to include (or, with {@code -}, exclude)
 *       top-level fields. {@code expand} is accepted and ignored: no listed record has anything to expand.</li>
 * </ul>
 */
record AllaweeListQuery(ListQuery query, Set<String> include, Set<String> exclude) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final List<String> GROUPS = List.of("filter", "or", "nor", "and");

    /** The query of a list of the records those fields describe. */
    static AllaweeListQuery from(Map<String, String[]> parameters, AllaweeQueryFields fields) {
        List<ListQuery.ParameterCondition> groups = new ArrayList<>();
        for (String group : GROUPS) {
            String text = joined(parameters, group);
            if (text == null || text.isBlank()) {
                continue;
            }
            List<Condition> conditions = FilterParser.parse(text, group).stream()
                    .map(expression -> comparison(expression, group, fields)).toList();
            groups.add(new ListQuery.ParameterCondition(group, switch (group) {
                case "or" -> new Condition.AnyOf(conditions);
                case "nor" -> new Condition.Not(new Condition.AnyOf(conditions));
                default -> new Condition.AllOf(conditions);
            }));
        }
        int limit = limit(single(parameters, "limit"));
        String after = cursor(parameters, "after", fields);
        if (after == null) {
            after = cursor(parameters, "lastId", fields);
        }
        String before = cursor(parameters, "before", fields);
        if (after != null && before != null) {
            throw new InvalidQueryException("before", "after and before cannot be used together");
        }
        int offset = after == null && before == null ? offset(single(parameters, "page"), limit) : 0;
        Set<String> include = new LinkedHashSet<>();
        Set<String> exclude = new LinkedHashSet<>();
        select(single(parameters, "select"), fields, include, exclude);
        ListQuery query = new ListQuery(groups, sort(single(parameters, "sort"), fields), limit, after, before,
                offset, countTotal(parameters));
        return new AllaweeListQuery(query, include, exclude);
    }

    /** Applies {@code select} to one rendered record; {@code id} and {@code object} always stay. */
    Map<String, Object> selected(Map<String, Object> record) {
        if (include.isEmpty() && exclude.isEmpty()) {
            return record;
        }
        record.keySet().removeIf(key -> !key.equals("id") && !key.equals("object")
                && (include.isEmpty() ? exclude.contains(key) : !include.contains(key)));
        return record;
    }

    private static Condition comparison(FilterParser.Expression expression, String parameter, AllaweeQueryFields fields) {
        AllaweeQueryFields.Mapping mapping = fields.of(expression.field(), parameter);
        List<String> values = expression.values().stream().map(mapping.value()).toList();
        return new Condition.Comparison(mapping.attribute(), expression.operator(), values);
    }

    private static List<SortKey> sort(String text, AllaweeQueryFields fields) {
        if (text == null || text.isBlank()) {
            return List.of(new SortKey("created_at", true));
        }
        List<SortKey> keys = new ArrayList<>();
        for (String token : text.trim().split("[\\s,]+")) {
            boolean descending = token.startsWith("-");
            String field = descending || token.startsWith("+") ? token.substring(1) : token;
            if (field.isEmpty()) {
                throw new InvalidQueryException("sort", "an empty sort key");
            }
            keys.add(new SortKey(fields.of(field, "sort").attribute(), descending));
        }
        return keys;
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidQueryException("limit", "limit is a whole number from 1 to " + MAX_LIMIT);
    }

    /** The legacy page number, counted from 1 (0 is taken as the first page too). */
    private static int offset(String text, int limit) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            int page = Integer.parseInt(text.strip());
            long offset = Math.max(0, page - 1) * (long) limit;
            if (page >= 0 && offset <= Integer.MAX_VALUE) {
                return (int) offset;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidQueryException("page", "page is a whole number from 0 to " + (Integer.MAX_VALUE / limit + 1));
    }

    private static String cursor(Map<String, String[]> parameters, String name, AllaweeQueryFields fields) {
        String text = single(parameters, name);
        if (text == null || text.isBlank()) {
            return null;
        }
        return fields.cursorKey(text.strip(), name);
    }

    private static boolean countTotal(Map<String, String[]> parameters) {
        if (!parameters.containsKey("countTotal")) {
            return false;
        }
        String text = single(parameters, "countTotal");
        return switch (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "", "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new InvalidQueryException("countTotal", "countTotal is true or false");
        };
    }

    private static void select(String text, AllaweeQueryFields fields, Set<String> include, Set<String> exclude) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String token : text.trim().split("[\\s,]+")) {
            boolean excluded = token.startsWith("-");
            String field = excluded ? token.substring(1) : token;
            if (field.equals("id") || field.equals("object")) {
                continue;
            }
            if (!fields.selectable().contains(field)) {
                throw new InvalidQueryException("select", "unknown field '" + field + "'");
            }
            (excluded ? exclude : include).add(field);
        }
        if (!include.isEmpty() && !exclude.isEmpty()) {
            throw new InvalidQueryException("select", "select either includes or excludes fields, not both");
        }
    }

    private static String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[values.length - 1];
    }

    /** Repeated parameters ({@code filter=a&filter=b}) are one list of expressions. */
    private static String joined(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null ? null : String.join(" ", values);
    }
}
