package dev.kyra.customer;

import java.util.List;

/**
 * A page of a list query.
 *
 * @param hasMore whether more customers follow in the direction the page was read
 * @param total how many customers match in all, when it was asked for; otherwise null
 */
public record SearchResult(List<CustomerDetails> items, boolean hasMore, Long total) {

    public SearchResult {
        items = List.copyOf(items);
    }
}
