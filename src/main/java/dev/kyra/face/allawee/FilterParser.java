package dev.kyra.face.allawee;

import dev.kyra.query.InvalidQueryException;
import dev.kyra.query.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses one filter parameter of the Allawee query language (allawee.md §4.B, decision A11): space-
 * separated expressions, each either the long form {@code field|op|value}, the legacy
 * {@code field||OP||value}, or a shorthand ({@code f:v}, {@code f=v}, {@code -f:v}, {@code f!=v},
 * {@code f>N}, {@code f>=N}, {@code f<N}, {@code f<=N}, {@code f~t}, {@code -f~t}). A value with
 * spaces is quoted as {@code "..."} (with {@code \"} and {@code \\} escapes) or {@code <...>};
 * {@code in}, {@code nin} and {@code all} take comma-separated values, each of which may be quoted.
 */
final class FilterParser {

    /** One parsed expression, still in the client's field names and with its values as text. */
    record Expression(String field, Operator operator, List<String> values) {
    }

    /** Shorthand operators, longest first so that {@code >=} is not read as {@code >}. */
    private static final List<String> SHORTHANDS = List.of(">=", "<=", "!=", ">", "<", "=", ":", "~");
    private static final Map<String, Operator> LONG_FORM = Map.ofEntries(
            Map.entry("eq", Operator.EQ), Map.entry("ne", Operator.NE), Map.entry("neq", Operator.NE),
            Map.entry("gt", Operator.GT), Map.entry("gte", Operator.GTE), Map.entry("lt", Operator.LT),
            Map.entry("lte", Operator.LTE), Map.entry("like", Operator.LIKE), Map.entry("nlike", Operator.NLIKE),
            Map.entry("in", Operator.IN), Map.entry("nin", Operator.NIN), Map.entry("all", Operator.ALL),
            Map.entry("size", Operator.SIZE), Map.entry("nsize", Operator.NSIZE), Map.entry("exists", Operator.EXISTS),
            Map.entry("gtd", Operator.GTD), Map.entry("gted", Operator.GTED), Map.entry("ltd", Operator.LTD),
            Map.entry("lted", Operator.LTED));

    private final String text;
    private final String parameter;
    private int position;

    private FilterParser(String text, String parameter) {
        this.text = text;
        this.parameter = parameter;
    }

    /** Every expression of the parameter; none for blank text. */
    static List<Expression> parse(String text, String parameter) {
        return new FilterParser(text, parameter).expressions();
    }

    private List<Expression> expressions() {
        List<Expression> expressions = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (atEnd()) {
                return expressions;
            }
            expressions.add(expression());
            if (!atEnd() && !Character.isWhitespace(peek())) {
                throw invalid("unexpected '" + peek() + "' after an expression");
            }
        }
    }

    private Expression expression() {
        boolean negated = peek() == '-';
        if (negated) {
            position++;
        }
        String field = field();
        if (!atEnd() && peek() == '|') {
            if (negated) {
                throw invalid("'-' negates only the : and ~ shorthands");
            }
            return longForm(field);
        }
        String shorthand = SHORTHANDS.stream().filter(op -> text.startsWith(op, position)).findFirst()
                .orElseThrow(() -> invalid("no operator after '" + field + "'"));
        position += shorthand.length();
        if (negated && !shorthand.equals(":") && !shorthand.equals("~")) {
            throw invalid("'-' negates only the : and ~ shorthands");
        }
        Operator operator = switch (shorthand) {
            case ":", "=" -> negated ? Operator.NE : Operator.EQ;
            case "!=" -> Operator.NE;
            case ">" -> Operator.GT;
            case ">=" -> Operator.GTE;
            case "<" -> Operator.LT;
            case "<=" -> Operator.LTE;
            case "~" -> negated ? Operator.NLIKE : Operator.LIKE;
            default -> throw new IllegalStateException(shorthand);
        };
        return new Expression(field, operator, List.of(value(false)));
    }

    /** {@code field|op|value}, or the legacy {@code field||OP||value} with its doubled pipes. */
    private Expression longForm(String field) {
        position++;
        boolean legacy = !atEnd() && peek() == '|';
        if (legacy) {
            position++;
        }
        int start = position;
        while (!atEnd() && Character.isLetter(peek())) {
            position++;
        }
        String name = text.substring(start, position).toLowerCase(Locale.ROOT);
        Operator operator = LONG_FORM.get(name);
        if (operator == null) {
            throw invalid("unknown operator '" + name + "'");
        }
        expect('|');
        if (legacy) {
            expect('|');
        }
        List<String> values = new ArrayList<>();
        values.add(value(operator.takesList()));
        while (operator.takesList() && !atEnd() && peek() == ',') {
            position++;
            values.add(value(true));
        }
        return new Expression(field, operator, values);
    }

    /** A field: letters, digits, underscores, hyphens and dots. */
    private String field() {
        int start = position;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '.' || peek() == '-')) {
            position++;
        }
        if (start == position) {
            throw invalid("an expression starts with a field");
        }
        return text.substring(start, position);
    }

    private String value(boolean inList) {
        if (atEnd()) {
            throw invalid("an expression needs a value");
        }
        if (peek() == '"') {
            return quoted();
        }
        if (peek() == '<') {
            int close = text.indexOf('>', position + 1);
            if (close < 0) {
                throw invalid("a <value> is not closed");
            }
            String value = text.substring(position + 1, close);
            position = close + 1;
            return value;
        }
        int start = position;
        while (!atEnd() && !Character.isWhitespace(peek()) && !(inList && peek() == ',')) {
            position++;
        }
        if (start == position) {
            throw invalid("an expression needs a value");
        }
        return text.substring(start, position);
    }

    private String quoted() {
        StringBuilder value = new StringBuilder();
        position++;
        while (!atEnd() && peek() != '"') {
            char c = peek();
            if (c == '\\' && position + 1 < text.length()) {
                value.append(text.charAt(position + 1));
                position += 2;
            } else {
                value.append(c);
                position++;
            }
        }
        if (atEnd()) {
            throw invalid("a quoted value is not closed");
        }
        position++;
        return value.toString();
    }

    private void expect(char c) {
        if (atEnd() || peek() != c) {
            throw invalid("expected '" + c + "'");
        }
        position++;
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            position++;
        }
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private char peek() {
        return text.charAt(position);
    }

    private InvalidQueryException invalid(String reason) {
        return new InvalidQueryException(parameter, reason);
    }
}
