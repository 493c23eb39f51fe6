package dev.kyra.query;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Translates a {@link Condition} to a SQL boolean expression over a feature's attributes. Values are
 * converted by their attribute's type (a BVN compared with a text attribute stays text) and bound as
 * parameters; a value or operator that does not fit its attribute is an {@link InvalidQueryException}.
 */
public final class ConditionSql {

    /** Longest pattern a LIKE may use: regular expressions are cheap to send and can be costly to run. */
    public static final int MAX_PATTERN_LENGTH = 200;
    static final int MAX_LIST_VALUES = 100;
    private static final java.util.Set<Operator> KEY_OPERATORS =
            java.util.EnumSet.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NIN, Operator.EXISTS);

    private final AttributeTable attributes;
    private final String parameter;
    private final Parameters params;

    private ConditionSql(AttributeTable attributes, String parameter, Parameters params) {
        this.attributes = attributes;
        this.parameter = parameter;
        this.params = params;
    }

    /**
     * @param parameter the query parameter the condition came from, named in errors
     * @param prefix distinguishes this fragment's parameter names from the rest of the statement's
     */
    public static SqlFragment translate(Condition condition, AttributeTable attributes, String parameter, String prefix) {
        Parameters params = new Parameters(prefix);
        String sql = new ConditionSql(attributes, parameter, params).sql(condition);
        return new SqlFragment(sql, params.values());
    }

    private String sql(Condition condition) {
        return switch (condition) {
            case Condition.AllOf all -> join(all.conditions(), " and ", "true");
            case Condition.AnyOf any -> join(any.conditions(), " or ", "false");
            case Condition.Not not -> "not (" + sql(not.condition()) + ")";
            case Condition.Comparison comparison -> comparison(comparison);
        };
    }

    private String join(List<Condition> conditions, String operator, String empty) {
        if (conditions.isEmpty()) {
            return empty;
        }
        return conditions.stream().map(c -> "(" + sql(c) + ")").collect(Collectors.joining(operator));
    }

    private String comparison(Condition.Comparison comparison) {
        QueryAttribute attribute = attributes.get(comparison.attribute(), parameter);
        Operator operator = comparison.operator();
        List<String> values = comparison.values();
        if (operator.takesList() ? values.isEmpty() || values.size() > MAX_LIST_VALUES : values.size() != 1) {
            throw invalid(operator.name().toLowerCase() + " takes " + (operator.takesList() ? "1 to " + MAX_LIST_VALUES + " values" : "one value"));
        }
        return attribute.type() == ValueType.TEXT_LIST ? listComparison(attribute, operator, values)
                : scalarComparison(attribute, operator, values);
    }

    private String scalarComparison(QueryAttribute attribute, Operator operator, List<String> values) {
        String expr = attribute.boundSql(params);
        if (attribute.type() == ValueType.KEY && !KEY_OPERATORS.contains(operator)) {
            throw invalid(operator.name().toLowerCase() + " does not apply to ids");
        }
        return switch (operator) {
            case EQ -> expr + " = " + bind(attribute, values.get(0));
            case NE -> expr + " is distinct from " + bind(attribute, values.get(0));
            case GT, GTD -> ordered(attribute, operator, expr + " > " + bind(attribute, values.get(0)));
            case GTE, GTED -> ordered(attribute, operator, expr + " >= " + bind(attribute, values.get(0)));
            case LT, LTD -> ordered(attribute, operator, expr + " < " + bind(attribute, values.get(0)));
            case LTE, LTED -> ordered(attribute, operator, expr + " <= " + bind(attribute, values.get(0)));
            case LIKE -> textOnly(attribute, expr + " ~* " + pattern(values.get(0)));
            case NLIKE -> textOnly(attribute, "(" + expr + " is null or " + expr + " !~* " + pattern(values.get(0)) + ")");
            case IN -> expr + " in (" + bindAll(attribute, values) + ")";
            case NIN -> "(" + expr + " is null or " + expr + " not in (" + bindAll(attribute, values) + "))";
            case EXISTS -> expr + (exists(values.get(0)) ? " is not null" : " is null");
            case ALL, SIZE, NSIZE -> throw invalid(operator.name().toLowerCase() + " applies to lists only");
        };
    }

    private String listComparison(QueryAttribute attribute, Operator operator, List<String> values) {
        String expr = attribute.boundSql(params);
        return switch (operator) {
            case EQ -> bind(attribute, values.get(0)) + " = any(" + expr + ")";
            case NE -> "not (" + bind(attribute, values.get(0)) + " = any(" + expr + "))";
            case IN -> expr + " && array[" + bindAll(attribute, values) + "]::text[]";
            case NIN -> "not (" + expr + " && array[" + bindAll(attribute, values) + "]::text[])";
            case ALL -> expr + " @> array[" + bindAll(attribute, values) + "]::text[]";
            case SIZE -> "cardinality(" + expr + ") = " + params.bind(size(values.get(0)));
            case NSIZE -> "cardinality(" + expr + ") <> " + params.bind(size(values.get(0)));
            case EXISTS -> "cardinality(" + expr + ")" + (exists(values.get(0)) ? " > 0" : " = 0");
            case LIKE -> "exists (select 1 from unnest(" + expr + ") element where element ~* " + pattern(values.get(0)) + ")";
            case NLIKE -> "not exists (select 1 from unnest(" + expr + ") element where element ~* " + pattern(values.get(0)) + ")";
            case GT, GTE, LT, LTE, GTD, GTED, LTD, LTED -> throw invalid(operator.name().toLowerCase() + " does not apply to lists");
        };
    }

    private String ordered(QueryAttribute attribute, Operator operator, String sql) {
        boolean dateOperator = operator == Operator.GTD || operator == Operator.GTED
                || operator == Operator.LTD || operator == Operator.LTED;
        boolean temporal = attribute.type() == ValueType.DATE || attribute.type() == ValueType.TIMESTAMP;
        if (dateOperator && !temporal) {
            throw invalid(operator.name().toLowerCase() + " compares dates only");
        }
        if (attribute.type() == ValueType.BOOLEAN) {
            throw invalid("true and false cannot be ordered");
        }
        return sql;
    }

    private String textOnly(QueryAttribute attribute, String sql) {
        if (attribute.type() != ValueType.TEXT) {
            throw invalid("like matches text only");
        }
        return sql;
    }

    private String pattern(String pattern) {
        if (pattern.isEmpty() || pattern.length() > MAX_PATTERN_LENGTH) {
            throw invalid("a like pattern has 1 to " + MAX_PATTERN_LENGTH + " characters");
        }
        return params.bind(pattern);
    }

    private String bind(QueryAttribute attribute, String value) {
        try {
            return params.bind(attribute.bind(value));
        } catch (InvalidQueryException e) {
            throw invalid(e.getMessage()); // a binder cannot know which parameter its value came from
        }
    }

    private String bindAll(QueryAttribute attribute, List<String> values) {
        List<String> placeholders = new ArrayList<>();
        values.forEach(value -> placeholders.add(bind(attribute, value)));
        return String.join(", ", placeholders);
    }

    private boolean exists(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid("exists takes true or false");
        };
    }

    private int size(String value) {
        try {
            int size = Integer.parseInt(value);
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("size takes a whole number");
    }

    private InvalidQueryException invalid(String reason) {
        return new InvalidQueryException(parameter, reason);
    }
}
