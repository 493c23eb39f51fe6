package dev.kyra.face.allawee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kyra.face.allawee.FilterParser.Expression;
import dev.kyra.query.InvalidQueryException;
import dev.kyra.query.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "name|eq|Ada; EQ", "name|ne|Ada; NE", "name|neq|Ada; NE", "age|gt|5; GT", "age|gte|5; GTE",
            "age|lt|5; LT", "age|lte|5; LTE", "name|like|Ad; LIKE", "name|nlike|Ad; NLIKE", "tags|size|2; SIZE",
            "tags|nsize|2; NSIZE", "name|exists|true; EXISTS", "createdAt|gtd|2024-01-01; GTD",
            "createdAt|gted|2024-01-01; GTED", "createdAt|ltd|2024-01-01; LTD", "createdAt|lted|2024-01-01; LTED",
            "name|EQ|Ada; EQ"})
    void theLongFormTakesEveryOperator(String text, Operator operator) {
        Expression expression = single(text);

        assertThat(expression.operator()).isEqualTo(operator);
        assertThat(expression.values()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"a:1; EQ", "a=1; EQ", "-a:1; NE", "a!=1; NE", "a>1; GT", "a>=1; GTE",
            "a<1; LT", "a<=1; LTE", "a~1; LIKE", "-a~1; NLIKE"})
    void shorthandsMapToOperators(String text, Operator operator) {
        Expression expression = single(text);

        assertThat(expression.field()).isEqualTo("a");
        assertThat(expression.operator()).isEqualTo(operator);
        assertThat(expression.values()).containsExactly("1");
    }

    @Test
    void listOperatorsSplitOnCommas() {
        assertThat(single("status|in|active,inactive").values()).containsExactly("active", "inactive");
        assertThat(single("status|nin|a").values()).containsExactly("a");
        assertThat(single("tags|all|x,y,z").values()).containsExactly("x", "y", "z");
        assertThat(single("name|in|\"Obi, Ada\",<Eze, Chi>").values()).containsExactly("Obi, Ada", "Eze, Chi");
    }

    @Test
    void commasAreOrdinaryCharactersOutsideListOperators() {
        assertThat(single("name:Obi,Ada").values()).containsExactly("Obi,Ada");
    }

    @Test
    void quotedValuesKeepSpacesAndEscapes() {
        assertThat(single("name:\"Ada Obi\"").values()).containsExactly("Ada Obi");
        assertThat(single("name:<Ada Obi>").values()).containsExactly("Ada Obi");
        assertThat(single("name|eq|\"say \\\"hi\\\" \\\\ bye\"").values()).containsExactly("say \"hi\" \\ bye");
        assertThat(single("name:\"a:b|c>d\"").values()).containsExactly("a:b|c>d");
        assertThat(single("name:\"\"").values()).containsExactly("");
    }

    @Test
    void theLegacyFormHasDoubledPipesAndUpperCaseOperators() {
        Expression expression = single("cardType||EQ||verve");

        assertThat(expression.field()).isEqualTo("cardType");
        assertThat(expression.operator()).isEqualTo(Operator.EQ);
        assertThat(expression.values()).containsExactly("verve");
        assertThat(single("status||NEQ||pending").operator()).isEqualTo(Operator.NE);
        assertThat(single("status||IN||a,b").values()).containsExactly("a", "b");
    }

    @Test
    void severalExpressionsAreSeparatedBySpaces() {
        List<Expression> expressions = FilterParser.parse("  a:1   b|gt|2 -c~x  name:\"A B\" ", "filter");

        assertThat(expressions).extracting(Expression::field).containsExactly("a", "b", "c", "name");
        assertThat(expressions).extracting(Expression::operator).containsExactly(Operator.EQ, Operator.GT, Operator.NLIKE, Operator.EQ);
    }

    @Test
    void dotPathsAndValuesThatLookLikeNumbersStayText() {
        Expression expression = single("claims.individualIdentity.id:00012345");

        assertThat(expression.field()).isEqualTo("claims.individualIdentity.id");
        assertThat(expression.values()).containsExactly("00012345");
    }

    @Test
    void blankTextHasNoExpressions() {
        assertThat(FilterParser.parse("   ", "filter")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "name:", ":Ada", "name|eq", "name|eq|", "name|bogus|x", "name|eq:x", "-a>1",
            "-a|eq|1", "name:\"unclosed", "name:<unclosed", "name:\"Ada\"Obi", "name||EQ|x", "a|in|x,", "!a:1", "a b"})
    void malformedExpressionsAreRefusedNamingTheParameter(String text) {
        assertThatThrownBy(() -> FilterParser.parse(text, "nor"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("nor"));
    }

    private static Expression single(String text) {
        List<Expression> expressions = FilterParser.parse(text, "filter");
        assertThat(expressions).hasSize(1);
        return expressions.get(0);
    }
}
