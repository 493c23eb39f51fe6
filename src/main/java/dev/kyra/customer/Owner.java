package dev.kyra.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A beneficial owner, signatory or director of a business customer.
 *
 * @param adminComments reviewer feedback, null until a reviewer writes some
 * @param idDocumentFront the registered front of the owner's ID document, or null
 * @param idDocumentBack the registered back, or null
 */
public record Owner(UUID id, UUID customerId, ReviewStatus status, List<String> adminComments,
                    FieldValues profile, FileRef idDocumentFront, FileRef idDocumentBack,
                    Instant createdAt, Instant updatedAt) {

    public <T> T get(Field<T> field) {
        return profile.get(field);
    }

    /**
     * This owner after a client's edit. Editing a rejected owner sends it back to PENDING and clears
     * the reviewer's comments (Blaaiz spec §5.3): the fix is what the next review looks at.
     */
    Owner edited(FieldValues newProfile, Instant now) {
        return withFiles(newProfile, idDocumentFront, idDocumentBack, now);
    }

    /** This owner after a client replaced its ID files (and perhaps its profile): an edit like any other. */
    Owner withFiles(FieldValues newProfile, FileRef front, FileRef back, Instant now) {
        ReviewStatus next = Lifecycle.child(status, Lifecycle.ChildAction.EDIT)
                .orElseThrow(() -> new IllegalStateException("owner " + id + " is locked"));
        boolean reopened = next != status;
        return new Owner(id, customerId, next, reopened ? null : adminComments, newProfile, front, back, createdAt, now);
    }

    /** This owner after a review step. */
    Owner reviewed(ReviewStatus next, List<String> comments, Instant now) {
        return new Owner(id, customerId, next, comments, profile, idDocumentFront, idDocumentBack, createdAt, now);
    }
}
