package dev.kyra.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A beneficial owner, signatory or director of a business customer.
 *
 * @param adminComments reviewer feedback, null until a reviewer writes some
 */
public record Owner(UUID id, UUID customerId, ReviewStatus status, List<String> adminComments,
                    FieldValues profile, Instant createdAt, Instant updatedAt) {

    public <T> T get(Field<T> field) {
        return profile.get(field);
    }

    /**
     * This owner after a client's edit. Editing a rejected owner sends it back to PENDING and clears
     * the reviewer's comments (Blaaiz spec §5.3): the fix is what the next review looks at.
     */
    Owner edited(FieldValues newProfile, Instant now) {
        boolean reopen = status == ReviewStatus.REJECTED;
        return new Owner(id, customerId, reopen ? ReviewStatus.PENDING : status, reopen ? null : adminComments,
                newProfile, createdAt, now);
    }
}
