package dev.kyra.customer;

import java.util.List;

/** A customer with everything a full read shows: its owners in the order they were added, and its tiers. */
public record CustomerDetails(Customer customer, List<Owner> owners, List<Verification> verifications) {

    public CustomerDetails {
        owners = List.copyOf(owners);
        verifications = List.copyOf(verifications);
    }
}
