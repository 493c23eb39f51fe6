package dev.kyra.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * A note on a customer, shown to the platform (the Blaaiz face's {@code recent_comments}).
 *
 * @param type {@code review} for a reviewer's decision, {@code info} for a note the system wrote
 */
public record Comment(UUID id, String text, String type, Instant createdAt) {
}
