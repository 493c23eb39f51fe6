package dev.kyra.customer;

import java.time.Instant;

/** A platform's request for one verification tier of a customer, and where it stands. */
public record TierRequest(Tier tier, TierStatus status, Instant createdAt, Instant updatedAt) {
}
