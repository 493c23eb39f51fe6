package dev.kyra.customer;

import java.util.List;
import java.util.Map;

/**
 * A customer with everything a full read shows: its owners in the order they were added, its KYB
 * documents, its legacy files, its tiers and its recent comments.
 */
public record CustomerDetails(Customer customer, List<Owner> owners, List<Document> documents,
                              Map<LegacyFileSlot, FileRef> files, List<TierRequest> verifications, List<Comment> comments) {

    public CustomerDetails {
        owners = List.copyOf(owners);
        documents = List.copyOf(documents);
        files = Map.copyOf(files);
        verifications = List.copyOf(verifications);
        comments = List.copyOf(comments);
    }

    /** A customer with its owners and tiers only: what a create returns (nothing else exists yet) and lists show. */
    static CustomerDetails of(Customer customer, List<Owner> owners, List<TierRequest> verifications) {
        return new CustomerDetails(customer, owners, List.of(), Map.of(), verifications, List.of());
    }
}
