package dev.kyra.query;

import java.util.List;
import java.util.function.Function;

/**
 * How one attribute of a listed record is reached in SQL: an expression over the feature's table
 * (written by the feature, never by a client) and the type its values compare as.
 *
 * @param binder turns a client's text into the value bound for this attribute; the default is the
 *               type's own parsing
 */
public record QueryAttribute(String sql, ValueType type, Function<String, Object> binder, boolean sortable,
                             List<Object> sqlArguments, boolean nullable) {

    /** Marks where an expression takes one of its {@code sqlArguments}, bound as a parameter. */
    public static final String ARGUMENT = "{arg}";

    public QueryAttribute {
        sqlArguments = List.copyOf(sqlArguments);
    }

    public static QueryAttribute of(String sql, ValueType type) {
        return new QueryAttribute(sql, type, type::parse, type != ValueType.TEXT_LIST, List.of(), true);
    }

    /** An attribute every record has (a NOT NULL column): cursors over it can use an index range. */
    public static QueryAttribute required(String sql, ValueType type) {
        return new QueryAttribute(sql, type, type::parse, type != ValueType.TEXT_LIST, List.of(), false);
    }

    public static QueryAttribute withBinder(String sql, ValueType type, Function<String, Object> binder) {
        return new QueryAttribute(sql, type, binder, type != ValueType.TEXT_LIST, List.of(), false);
    }

    /**
     * An attribute whose expression needs values of its own (a JSON path, say): each {@link #ARGUMENT}
     * in the expression is bound to the next argument. Such attributes filter but do not sort.
     */
    public static QueryAttribute withArguments(String sql, ValueType type, List<Object> arguments) {
        return new QueryAttribute(sql, type, type::parse, false, arguments, true);
    }

    /** The expression with its own arguments bound. */
    String boundSql(Parameters params) {
        String sql = this.sql;
        for (Object argument : sqlArguments) {
            sql = sql.replaceFirst(java.util.regex.Pattern.quote(ARGUMENT), params.bind(argument));
        }
        return sql;
    }

    Object bind(String text) {
        return binder.apply(text);
    }
}
