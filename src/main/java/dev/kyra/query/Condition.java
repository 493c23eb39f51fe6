package dev.kyra.query;

import java.util.List;

/** A condition of a list query. */
public sealed interface Condition permits Condition.Comparison, Condition.AllOf, Condition.AnyOf, Condition.Not {

    /** Matches every record. */
    Condition ALWAYS = new AllOf(List.of());

    /**
     * One attribute compared with values, still as text: each value is converted by the attribute's
     * type when the query is translated.
     */
    record Comparison(String attribute, Operator operator, List<String> values) implements Condition {

        public Comparison {
            values = List.copyOf(values);
        }
    }

    record AllOf(List<Condition> conditions) implements Condition {

        public AllOf {
            conditions = List.copyOf(conditions);
        }
    }

    record AnyOf(List<Condition> conditions) implements Condition {

        public AnyOf {
            conditions = List.copyOf(conditions);
        }
    }

    record Not(Condition condition) implements Condition {
    }
}
