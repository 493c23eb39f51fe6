package dev.kyra.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How an attribute's values are compared, and how a value given as text becomes one. */
public enum ValueType {
    /** an identifier: compared for equality and membership only; its binder converts it */
    KEY,
    TEXT,
    NUMBER,
    BOOLEAN,
    DATE,
    TIMESTAMP,
    /** a list of texts: the list operators (ALL, SIZE ...) apply, and EQ means "contains" */
    TEXT_LIST;

    Object parse(String text) {
        try {
            return switch (this) {
                case KEY, TEXT, TEXT_LIST -> text;
                case NUMBER -> new BigDecimal(text);
                case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException(text);
                };
                case DATE -> LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
                case TIMESTAMP -> timestamp(text);
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidQueryException("filter", "'" + text + "' is not a valid " + name().toLowerCase(Locale.ROOT));
        }
    }

    /** Bound with its offset, so it compares as timestamptz whatever the session's time zone. */
    private static OffsetDateTime timestamp(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        try {
            return Instant.parse(text).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text);
        }
    }
}
