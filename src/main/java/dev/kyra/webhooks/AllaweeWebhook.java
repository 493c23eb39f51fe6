package dev.kyra.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An Allawee webhook: a named subscription of a URL to chosen event types; it takes effect once enabled. */
public record AllaweeWebhook(UUID id, byte[] objectId, String name, List<String> events, String url, String apiVersion,
                             String description, String metadata, boolean enabled, Instant createdAt, Instant updatedAt) {
}
