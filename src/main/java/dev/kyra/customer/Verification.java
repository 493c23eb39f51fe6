package dev.kyra.customer;

import java.time.Instant;

/** One verification tier of a customer and where it stands. */
public record Verification(Tier tier, TierStatus status, Instant createdAt, Instant updatedAt) {
}
