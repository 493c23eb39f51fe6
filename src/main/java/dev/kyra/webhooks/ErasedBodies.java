package dev.kyra.webhooks;

import dev.kyra.events.EventSubscriber;
import dev.kyra.events.EventType;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Drops the bodies kept for a customer's deliveries when its personal data is erased (decision D11):
 * they are renderings of the customer as it was, names and identifiers included. It runs in the very
 * statement that records {@code customer.erased}, so the erasure and this commit together. A delivery
 * still pending is rendered again from the tombstone; logs show the rest without a body.
 */
@Component
class ErasedBodies implements EventSubscriber {

    private static final String FORGET = """
            update webhook_deliveries d set body = null
            from %s r join customer_events e on e.customer_id = r.customer_id
            where r.type = :erasedBodies_type and d.event_id = e.id and d.body is not null
            returning d.id""".formatted(RECORDED);

    @Override
    public String statement() {
        return FORGET;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("erasedBodies_type", EventType.CUSTOMER_ERASED.code());
    }
}
