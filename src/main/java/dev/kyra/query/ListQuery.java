package dev.kyra.query;

import java.util.List;

/**
 * What a client asks of a list.
 *
 * @param conditions every condition must hold; each names the query parameter it came from, so an
 *                   error can say which
 * @param sort the order, most significant key first; the record id always breaks ties
 * @param after a record id: the page of records that come after it in this order
 * @param before a record id: the page of records that come before it in this order
 * @param offset records to skip (legacy page-number paging); 0 with cursors
 * @param countTotal whether to count every matching record
 */
public record ListQuery(List<ParameterCondition> conditions, List<SortKey> sort, int limit, String after, String before,
                        int offset, boolean countTotal) {

    /** A condition and the query parameter it was given in. */
    public record ParameterCondition(String parameter, Condition condition) {
    }

    /** The same query, without counting every matching record. */
    public ListQuery withoutTotal() {
        return new ListQuery(conditions, sort, limit, after, before, offset, false);
    }

    public ListQuery {
        conditions = List.copyOf(conditions);
        sort = List.copyOf(sort);
        if (after != null && before != null) {
            throw new IllegalArgumentException("a page has one cursor");
        }
    }
}
