package dev.kyra.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConditionSqlTest {

    private static final AttributeTable TABLE = name -> Optional.ofNullable(Map.of(
            "name", QueryAttribute.of("name_col", ValueType.TEXT),
            "amount", QueryAttribute.of("amount_col", ValueType.NUMBER),
            "born", QueryAttribute.of("born_col", ValueType.DATE),
            "created", QueryAttribute.of("created_col", ValueType.TIMESTAMP),
            "tags", QueryAttribute.of("tags_col", ValueType.TEXT_LIST),
            "key", QueryAttribute.withBinder("key_col", ValueType.KEY, text -> text.getBytes()),
            "meta", QueryAttribute.withArguments("(meta #>> {arg})", ValueType.TEXT, List.of((Object) new String[] {"a"})))
            .get(name));

    @Test
    void comparisonsBindTheirValuesAsTheAttributesType() {
        SqlFragment sql = translate(new Condition.AllOf(List.of(
                compare("name", Operator.EQ, "00123"),
                compare("amount", Operator.GT, "10.5"),
                compare("born", Operator.LTD, "1990-05-01"),
                compare("created", Operator.GTED, "2024-01-01T10:00:00Z"))));

        assertThat(sql.sql()).isEqualTo("(name_col = :f0) and (amount_col > :f1) and (born_col < :f2) and (created_col >= :f3)");
        assertThat(sql.params()).containsEntry("f0", "00123").containsEntry("f1", new BigDecimal("10.5"))
                .containsEntry("f2", LocalDate.of(1990, 5, 1));
        assertThat(sql.params().get("f3")).isInstanceOf(OffsetDateTime.class);
    }

    @Test
    void groupsNestAndNegate() {
        SqlFragment sql = translate(new Condition.AllOf(List.of(
                new Condition.AnyOf(List.of(compare("name", Operator.EQ, "a"), compare("name", Operator.EQ, "b"))),
                new Condition.Not(new Condition.AnyOf(List.of(compare("amount", Operator.LT, "0")))))));

        assertThat(sql.sql()).isEqualTo("((name_col = :f0) or (name_col = :f1)) and (not ((amount_col < :f2)))");
    }

    @Test
    void emptyGroupsAreTrueAndFalse() {
        assertThat(translate(Condition.ALWAYS).sql()).isEqualTo("true");
        assertThat(translate(new Condition.AnyOf(List.of())).sql()).isEqualTo("false");
    }

    @Test
    void negationsAndMembershipIncludeAbsentValues() {
        assertThat(translate(compare("name", Operator.NE, "a")).sql()).isEqualTo("name_col is distinct from :f0");
        assertThat(translate(compare("name", Operator.NIN, "a", "b")).sql())
                .isEqualTo("(name_col is null or name_col not in (:f0, :f1))");
        assertThat(translate(compare("name", Operator.NLIKE, "^a")).sql())
                .isEqualTo("(name_col is null or name_col !~* :f0)");
        assertThat(translate(compare("name", Operator.EXISTS, "false")).sql()).isEqualTo("name_col is null");
    }

    @Test
    void listAttributesHaveTheirOwnOperators() {
        assertThat(translate(compare("tags", Operator.EQ, "x")).sql()).isEqualTo(":f0 = any(tags_col)");
        assertThat(translate(compare("tags", Operator.ALL, "x", "y")).sql()).isEqualTo("tags_col @> array[:f0, :f1]::text[]");
        assertThat(translate(compare("tags", Operator.IN, "x")).sql()).isEqualTo("tags_col && array[:f0]::text[]");
        assertThat(translate(compare("tags", Operator.SIZE, "2")).sql()).isEqualTo("cardinality(tags_col) = :f0");
        assertThat(translate(compare("tags", Operator.EXISTS, "true")).sql()).isEqualTo("cardinality(tags_col) > 0");
    }

    @Test
    void attributesWithArgumentsBindThemToo() {
        SqlFragment sql = translate(compare("meta", Operator.EQ, "1"));

        assertThat(sql.sql()).isEqualTo("(meta #>> :f0) = :f1");
        assertThat(sql.params().get("f0")).isEqualTo(new String[] {"a"});
    }

    @Test
    void whatDoesNotFitItsAttributeIsRefused() {
        assertRefused(compare("nothing", Operator.EQ, "x"), "unknown field 'nothing'");
        assertRefused(compare("amount", Operator.EQ, "ten"), "'ten' is not a valid number");
        assertRefused(compare("born", Operator.GT, "yesterday"), "'yesterday' is not a valid date");
        assertRefused(compare("name", Operator.GTD, "2024-01-01"), "gtd compares dates only");
        assertRefused(compare("amount", Operator.LIKE, "1"), "like matches text only");
        assertRefused(compare("name", Operator.ALL, "a"), "all applies to lists only");
        assertRefused(compare("tags", Operator.GT, "a"), "gt does not apply to lists");
        assertRefused(compare("tags", Operator.SIZE, "-1"), "size takes a whole number");
        assertRefused(compare("key", Operator.LIKE, "a"), "like does not apply to ids");
        assertRefused(compare("name", Operator.EXISTS, "maybe"), "exists takes true or false");
        assertRefused(compare("name", Operator.LIKE, "x".repeat(201)), "a like pattern has 1 to 200 characters");
        assertRefused(compare("name", Operator.EQ, "a", "b"), "eq takes one value");
    }

    @Test
    void keysetCursorsCompareEveryKeyWithNullsLargest() {
        List<OrderSql.Key> keys = List.of(new OrderSql.Key("a", false, true), new OrderSql.Key("b", true, true),
                new OrderSql.Key("id", false, false));

        SqlFragment after = OrderSql.after(keys, java.util.Arrays.asList("x", null, 7), "c");

        assertThat(after.sql()).isEqualTo(
                "((a > :c0 or a is null)) or (a = :c1 and b is not null) or (a = :c1 and b is null and (id > :c2 or id is null))");
        assertThat(OrderSql.orderBy(keys)).isEqualTo("a asc nulls last, b desc nulls first, id asc nulls last");
    }

    @Test
    void keysThatAreAlwaysPresentAndRunOneWayUseARowComparison() {
        List<OrderSql.Key> keys = List.of(new OrderSql.Key("created_at", true, false), new OrderSql.Key("id", true, false));

        SqlFragment after = OrderSql.after(keys, List.of("t", 7), "c");

        assertThat(after.sql()).isEqualTo("(created_at, id) < (:c0, :c1)");
    }

    @Test
    void anAlwaysPresentFirstKeyBoundsTheExpandedForm() {
        List<OrderSql.Key> keys = List.of(new OrderSql.Key("status", false, false), new OrderSql.Key("name", true, true),
                new OrderSql.Key("id", false, false));

        SqlFragment after = OrderSql.after(keys, List.of("active", "Ada", 7), "c");

        assertThat(after.sql()).startsWith("status >= :c").contains("(status > :c0 or status is null)");
    }

    private static SqlFragment translate(Condition condition) {
        return ConditionSql.translate(condition, TABLE, "filter", "f");
    }

    private static Condition compare(String attribute, Operator operator, String... values) {
        return new Condition.Comparison(attribute, operator, List.of(values));
    }

    private static void assertRefused(Condition condition, String reason) {
        assertThatThrownBy(() -> translate(condition)).isInstanceOf(InvalidQueryException.class).hasMessage(reason);
    }
}
