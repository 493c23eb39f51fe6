package dev.kyra.events;

import dev.kyra.platform.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One recorded change of a customer (decision D6): the customer's history is these, by sequence.
 *
 * @param id a UUIDv7, so ids sort by time across customers
 * @param sequence 1, 2, 3 … per customer, with no gaps
 * @param actor who changed it, as {@link dev.kyra.platform.Actor#toString()} writes it
 */
public record CustomerEvent(UUID id, Tenant tenant, UUID customerId, long sequence, EventType type, String subject,
                            String actor, Instant occurredAt, String fromStatus, String toStatus,
                            List<FieldChange> changes, String comment) {
}
