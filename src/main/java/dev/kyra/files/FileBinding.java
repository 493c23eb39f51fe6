package dev.kyra.files;

import java.util.Objects;
import java.util.UUID;

/**
 * What an upload may be used for: one customer, perhaps one of its owners, and one purpose (such as
 * {@code id_document_front}). A file id presented for anything else is refused.
 *
 * @param ownerId null when the file is the customer's own
 */
public record FileBinding(UUID customerId, UUID ownerId, String purpose) {

    public FileBinding {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(purpose, "purpose");
    }
}
