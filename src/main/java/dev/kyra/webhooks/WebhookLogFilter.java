package dev.kyra.webhooks;

import java.time.Instant;

/**
 * Which deliveries a log lists; a null part does not filter.
 *
 * @param search matched against the event's id, the customer's id and the customer's email (bodies are sealed)
 */
public record WebhookLogFilter(Instant from, Instant before, String status, String eventType, String search) {
}
