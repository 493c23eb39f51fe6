package dev.kyra.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One delivery of one event to one endpoint, with its attempts: what a face's delivery log shows.
 *
 * @param body the JSON sent, or null before the first attempt rendered it
 * @param status {@code pending} (never tried, or waiting for its next try), {@code delivered} or {@code failed}
 */
public record WebhookLog(UUID id, UUID platformId, UUID eventId, String eventType, String url, String body, String status,
                         int attempts, String lastResponse, Instant createdAt, Instant updatedAt, List<Attempt> history) {

    /** One attempt: the answer's status (null when none came), the start of its body or the error. */
    public record Attempt(UUID id, Integer statusCode, int latencyMillis, String response, String error,
                          Map<String, String> headers, Instant at) {
    }

    /** This log with its attempts. */
    WebhookLog withHistory(List<Attempt> attempts) {
        return new WebhookLog(id, platformId, eventId, eventType, url, body, status, this.attempts, lastResponse,
                createdAt, updatedAt, List.copyOf(attempts));
    }
}
