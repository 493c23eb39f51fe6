package dev.kyra.face.blaaiz;

import dev.kyra.profile.Field;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.Violation;
import dev.kyra.web.JsonBody;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Turns a JSON value into a field's Java value the way the Laravel backend behind the Blaaiz API
 * does, so clients written for it behave the same here: strings are trimmed and an empty string
 * means null (Laravel's TrimStrings and ConvertEmptyStringsToNull), integers and numbers may come as
 * numeric strings, booleans as 0/1. A value of the wrong JSON type is a violation, never a 5xx.
 */
final class BlaaizJsonValues {

    /** Marks a value that could not be read; the violation explaining why has been recorded. */
    static final Object INVALID = new Object();

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private BlaaizJsonValues() {
    }

    /** The value for the field, null to clear it, or {@link #INVALID} after recording a violation. */
    static Object read(Field<?> field, JsonNode node, FieldPath path, List<Violation> problems) {
        if (node.isNull()) {
            return null;
        }
        Class<?> type = field.type();
        if (type == String.class) {
            return node.isString() ? emptyToNull(node.stringValue().strip()) : invalid(path, "{field} must be a string", problems);
        }
        String text = node.isString() ? emptyToNull(node.stringValue().strip()) : null;
        if (node.isString() && text == null) {
            return null;
        }
        if (type == LocalDate.class) {
            return date(text, path, problems);
        }
        if (type == Long.class) {
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return node.longValue();
            }
            return text != null && INTEGER.matcher(text).matches() ? Long.valueOf(text)
                    : invalid(path, "{field} must be an integer", problems);
        }
        if (type == BigDecimal.class) {
            if (node.isNumber()) {
                return node.decimalValue();
            }
            try {
                BigDecimal number = text != null ? new BigDecimal(text) : null;
                // the same bound the JSON reader puts on a number written as a number
                return number != null && Math.abs((long) number.scale()) <= JsonBody.MAX_NUMBER_SCALE ? number
                        : invalid(path, "{field} must be a number", problems);
            } catch (NumberFormatException e) {
                return invalid(path, "{field} must be a number", problems);
            }
        }
        if (type == Boolean.class) {
            return bool(node, text, path, problems);
        }
        throw new IllegalArgumentException("the Blaaiz face has no JSON form for " + field);
    }

    private static Object date(String text, FieldPath path, List<Violation> problems) {
        if (text != null && DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // 2025-02-30 has the shape but is not a date
            }
        }
        return invalid(path, "{field} must be a valid date in YYYY-MM-DD format", problems);
    }

    private static Object bool(JsonNode node, String text, FieldPath path, List<Violation> problems) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToInt() && (node.intValue() == 0 || node.intValue() == 1)) {
            return node.intValue() == 1;
        }
        if (text != null) {
            switch (text) {
                case "1", "true" -> {
                    return true;
                }
                case "0", "false" -> {
                    return false;
                }
                default -> {
                    // falls through to the violation
                }
            }
        }
        return invalid(path, "{field} must be true or false", problems);
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static Object invalid(FieldPath path, String template, List<Violation> problems) {
        problems.add(Violation.of(path, template));
        return INVALID;
    }
}
