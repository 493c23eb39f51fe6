package dev.kyra.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A KYB document of a business customer (Blaaiz spec §3.4): its type, a name, the registered file
 * and its review status. Deleting one only marks it deleted: reviewers keep its history.
 *
 * @param extension taken from the file's content (pdf, jpg, png), not from its name
 */
public record Document(UUID id, UUID customerId, String type, String name, String extension, String description,
                       ReviewStatus status, List<String> adminComments, FileRef file, Instant createdAt, Instant updatedAt) {

    /** This document in another review status, with the reviewer's comments it now has. */
    Document withStatus(ReviewStatus next, List<String> comments, Instant now) {
        return new Document(id, customerId, type, name, extension, description, next, comments, file, createdAt, now);
    }

    /** This document after a client's edit; its status is {@link Transitions}' to move. */
    Document edited(String newType, String newName, String newDescription, FileRef newFile, String newExtension, Instant now) {
        return new Document(id, customerId, newType, newName, newExtension, newDescription, status, adminComments, newFile,
                createdAt, now);
    }
}
