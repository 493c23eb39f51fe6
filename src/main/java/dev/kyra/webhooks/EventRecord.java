package dev.kyra.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * One event as sent (or to be sent) to one Allawee webhook (decision A17): a delivery of the Allawee
 * face, the platform's default webhook included.
 *
 * @param objectId the ObjectId-shaped bytes of its {@code evt.} id, which its body carries too
 * @param body the JSON sent, or null before the first attempt rendered it
 * @param webhookObjectId the webhook's {@code wh.} bytes; null for the default webhook
 * @param sentAt when the last attempt was made; null before the first
 */
public record EventRecord(byte[] objectId, String event, String body, byte[] webhookObjectId, String url, String status,
                          List<Attempt> attempts, Instant sentAt, Instant createdAt, Instant updatedAt) {

    /** One attempt: the receiver's status code (null when no answer came) and the start of its answer. */
    public record Attempt(Integer statusCode, int latencyMillis, String responseBody, String error, Instant at) {
    }

    public EventRecord {
        attempts = List.copyOf(attempts);
    }
}
