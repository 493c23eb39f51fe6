package dev.kyra.query;

/** What a comparison does with its values. */
public enum Operator {
    EQ, NE,
    GT, GTE, LT, LTE,
    /** case-insensitive regular-expression match */
    LIKE, NLIKE,
    IN, NIN,
    /** a list attribute contains every value */
    ALL,
    /** a list attribute has (or has not) exactly this many elements */
    SIZE, NSIZE,
    /** the attribute is present (true) or absent (false) */
    EXISTS,
    /** comparisons of dates and times */
    GTD, GTED, LTD, LTED;

    /** Operators that take several values. */
    public boolean takesList() {
        return this == IN || this == NIN || this == ALL;
    }
}
