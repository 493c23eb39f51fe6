package dev.kyra.customer;

import java.util.List;

/** One page of a list, with the number of customers matching the filter in all pages. */
public record CustomerPage(List<Customer> items, long total) {

    public CustomerPage {
        items = List.copyOf(items);
    }
}
