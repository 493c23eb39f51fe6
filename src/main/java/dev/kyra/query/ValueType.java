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
                case NUMBER -> inRange(new BigDecimal(text));
                case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException(text);
                };
                case DATE -> inRange(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
                case TIMESTAMP -> inRange(timestamp(text));
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidQueryException("filter", "'" + text + "' is not a valid " + name().toLowerCase(Locale.ROOT));
        }
    }

    /*
     * Values PostgreSQL can compare with. Its timestamps end in the year 294276 and numerics overflow
     * far short of what BigDecimal parses; a filter on the year 999999999 means nothing, so it is a bad
     * filter, not a query that fails.
     */
    private static final int FIRST_YEAR = 1;
    private static final int LAST_YEAR = 9999;
    private static final int MAX_SCALE = 1000;

    private static BigDecimal inRange(BigDecimal number) {
        if (Math.abs((long) number.scale()) > MAX_SCALE || number.precision() > MAX_SCALE) {
            throw new IllegalArgumentException("out of range");
        }
        return number;
    }

    private static LocalDate inRange(LocalDate date) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException("out of range");
        }
        return date;
    }

    private static OffsetDateTime inRange(OffsetDateTime timestamp) {
        inRange(timestamp.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
        return timestamp;
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
