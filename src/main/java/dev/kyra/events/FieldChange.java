package dev.kyra.events;

import java.util.Objects;

/**
 * One field an event changed, with its value before and after as text; null means not set. A personal
 * value (an identifier, a date of birth, a phone, an email, an address) is never kept: it is
 * {@value #MASK}, so the history shows that it changed and not what it was.
 */
public record FieldChange(String field, String from, String to) {

    public static final String MASK = "***";

    public FieldChange {
        Objects.requireNonNull(field, "field");
    }

    /** A change of a field whose values may be kept. */
    public static FieldChange of(String field, Object from, Object to) {
        return new FieldChange(field, text(from), text(to));
    }

    /** A change of a personal field: only whether it was set before and after is kept. */
    public static FieldChange masked(String field, Object from, Object to) {
        return new FieldChange(field, from == null ? null : MASK, to == null ? null : MASK);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
