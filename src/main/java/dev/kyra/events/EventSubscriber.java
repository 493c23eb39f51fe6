package dev.kyra.events;

import dev.kyra.platform.Tenant;
import java.util.List;
import java.util.UUID;

/**
 * Told of events as the log writes them, inside the transaction that records them: what it writes
 * commits or rolls back with the events (the webhook outbox is one).
 */
public interface EventSubscriber {

    void recorded(Tenant tenant, List<UUID> eventIds);
}
