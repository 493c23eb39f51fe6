package dev.kyra.customer;

import java.util.List;

/** A customer with everything a full read shows: its owners, in the order they were added. */
public record CustomerDetails(Customer customer, List<Owner> owners) {

    public CustomerDetails {
        owners = List.copyOf(owners);
    }
}
