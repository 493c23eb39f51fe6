package dev.kyra.customer;

import dev.kyra.profile.Field;
import dev.kyra.profile.FieldValues;
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

    /** This owner after a client's edit of its profile; its status is {@link Transitions}' to move. */
    Owner edited(FieldValues newProfile, Instant now) {
        return withFiles(newProfile, idDocumentFront, idDocumentBack, now);
    }

    /** This owner after a client replaced its ID files (and perhaps its profile): an edit like any other. */
    Owner withFiles(FieldValues newProfile, FileRef front, FileRef back, Instant now) {
        return new Owner(id, customerId, status, adminComments, newProfile, front, back, createdAt, now);
    }

    /** This owner in another review status, with the reviewer's comments it now has. */
    Owner withStatus(ReviewStatus next, List<String> comments, Instant now) {
        return new Owner(id, customerId, next, comments, profile, idDocumentFront, idDocumentBack, createdAt, now);
    }
}
