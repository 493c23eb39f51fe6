package dev.kyra.query;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a page of a feature's records for a {@link ListQuery}: the client's conditions, its order
 * (ended by the record id, so it is total), and a keyset cursor — the sort values of the record a
 * cursor names, read first — rather than an offset. One row more than the limit is read to know
 * whether more follow; a page before a cursor is read in the reverse order and turned around. Run it
 * in a transaction: it bounds the statements' time there, since a client's filter may hold regular
 * expressions.
 *
 * @param columns the select list of a record, as {@code mapper} reads it
 * @param from the tables and joins the columns and the attributes' expressions are over
 * @param idSql the record id's expression: the last key of every order
 * @param cursorSql the expression a cursor's value is compared with, to find the record it names
 * @param record what the records are called in a refusal ("no customer has the id …")
 */
public record KeysetSearch<T>(JdbcClient jdbc, String columns, String from, AttributeTable attributes, String idSql,
                              String cursorSql, String record, RowMapper<T> mapper) {

    private static final int TIMEOUT_MILLIS = 5_000;
    private static final String INVALID_REGULAR_EXPRESSION = "2201B";
    private static final String QUERY_CANCELED = "57014";

    public record Page<T>(List<T> items, boolean hasMore, Long total) {
    }

    /**
     * @param scope what every record of the page must satisfy whatever the client asks: its tenant
     * @param cursorValue what the cursor compared with {@code cursorSql}, from the client's text; it
     *                    throws an {@link InvalidQueryException} for text that cannot name a record
     */
    public Page<T> page(ListQuery query, SqlFragment scope, java.util.function.Function<String, Object> cursorValue) {
        jdbc.sql("set local statement_timeout = " + TIMEOUT_MILLIS).update();
        SqlFragment filter = scope;
        for (int i = 0; i < query.conditions().size(); i++) {
            ListQuery.ParameterCondition condition = query.conditions().get(i);
            filter = filter.and(ConditionSql.translate(condition.condition(), attributes, condition.parameter(), "f" + i + "_"));
        }
        List<OrderSql.Key> keys = OrderSql.keys(query.sort(), attributes, idSql);
        boolean backwards = query.before() != null;
        List<OrderSql.Key> order = backwards ? OrderSql.reversed(keys) : keys;
        String cursor = backwards ? query.before() : query.after();
        SqlFragment where = filter;
        if (cursor != null) {
            String parameter = backwards ? "before" : "after";
            Object value;
            try {
                value = cursorValue.apply(cursor);
            } catch (InvalidQueryException e) {
                throw new InvalidQueryException(parameter, "'" + cursor + "' is not a " + record + " id");
            }
            where = where.and(OrderSql.after(order, cursorValues(order, scope, value, cursor, parameter), "c"));
        }
        SqlFragment page = where;
        List<T> rows = guarded(() -> jdbc.sql("select " + columns + " from " + from + " where " + page.sql()
                        + " order by " + OrderSql.orderBy(order) + " offset :offset limit :limit")
                .params(page.params()).param("offset", query.offset()).param("limit", query.limit() + 1)
                .query(mapper).list());
        boolean hasMore = rows.size() > query.limit();
        List<T> items = new ArrayList<>(hasMore ? rows.subList(0, query.limit()) : rows);
        if (backwards) {
            Collections.reverse(items);
        }
        SqlFragment counted = filter;
        Long total = query.countTotal() ? guarded(() -> jdbc.sql("select count(*) from " + from + " where " + counted.sql())
                .params(counted.params()).query(Long.class).single()) : null;
        return new Page<>(items, hasMore, total);
    }

    private List<Object> cursorValues(List<OrderSql.Key> order, SqlFragment scope, Object value, String cursor, String parameter) {
        return jdbc.sql("select " + OrderSql.selectList(order) + " from " + from + " where " + scope.sql()
                        + " and " + cursorSql + " = :cursor")
                .params(scope.params()).param("cursor", value)
                .query((row, n) -> {
                    List<Object> values = new ArrayList<>();
                    for (int i = 1; i <= order.size(); i++) {
                        values.add(row.getObject(i));
                    }
                    return values;
                }).optional()
                .orElseThrow(() -> new InvalidQueryException(parameter, "no " + record + " has the id '" + cursor + "'"));
    }

    /** A client's regular expression can be malformed or slow: either is the client's error, not a 5xx. */
    private static <T> T guarded(Supplier<T> query) {
        try {
            return query.get();
        } catch (DataAccessException e) {
            if (e.getMostSpecificCause() instanceof SQLException sql) {
                if (INVALID_REGULAR_EXPRESSION.equals(sql.getSQLState())) {
                    throw new InvalidQueryException("filter", "a like pattern is not a valid regular expression");
                }
                if (QUERY_CANCELED.equals(sql.getSQLState())) {
                    throw new InvalidQueryException("filter", "the filter took too long to evaluate");
                }
            }
            throw e;
        }
    }
}
