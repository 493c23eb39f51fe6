package dev.kyra.customer;

import java.time.Instant;
import java.util.List;

/**
 * A customer waiting for a reviewer.
 *
 * @param waitingSince when it entered review, or when its oldest pending tier was asked for
 * @param pendingTiers the tiers asked for and not yet decided, in tier order
 */
public record ReviewQueueEntry(Customer customer, Instant waitingSince, List<Tier> pendingTiers) {

    public ReviewQueueEntry {
        pendingTiers = List.copyOf(pendingTiers);
    }
}
