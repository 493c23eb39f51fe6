package dev.kyra.webhooks;

import dev.kyra.customer.CustomerDetails;
import dev.kyra.events.CustomerEvent;
import dev.kyra.events.EventType;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One face's webhooks: which events it delivers, the body it sends for one (rendered once; every
 * retry sends the same bytes) and the headers that sign it. The delivery engine knows bytes, URLs and
 * keys; faces know their wire formats.
 */
public interface WebhookRenderer {

    WebhookFace face();

    Set<EventType> delivers();

    /** What this face calls the event, which its endpoints subscribe to by name. */
    default String eventName(EventType type) {
        return type.code();
    }

    /**
     * One delivery of an event to one endpoint.
     *
     * @param objectId the ObjectId-shaped bytes of the delivery's public id (the Allawee {@code evt.} id)
     */
    record Delivery(byte[] objectId, CustomerEvent event) {
    }

    /** The body of the delivery, from the customer as it is now. */
    String render(Delivery delivery, CustomerDetails customer);

    /** The headers of one attempt, signed at {@code now} with the endpoint's key. */
    Map<String, String> signatureHeaders(String body, String signingKey, Instant now);
}
