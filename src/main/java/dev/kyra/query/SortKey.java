package dev.kyra.query;

/** One key of a sort order. */
public record SortKey(String attribute, boolean descending) {
}
