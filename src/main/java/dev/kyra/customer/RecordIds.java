package dev.kyra.customer;

import java.util.Optional;
import java.util.UUID;

/** Ids of owners and documents as clients send them: anything that is not a UUID names nothing. */
final class RecordIds {

    private RecordIds() {
    }

    static Optional<UUID> parse(String id) {
        if (id == null || id.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
