package dev.kyra.webhooks;

import java.time.Instant;
import java.util.UUID;

/** A platform's Blaaiz webhook record in one mode: where customer events go, and its payout URL. */
public record BlaaizWebhook(UUID id, String collectionUrl, String payoutUrl, Instant createdAt, Instant updatedAt) {
}
