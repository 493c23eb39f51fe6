package dev.kyra.webhooks;

import java.util.List;

/** What a client says of an Allawee webhook; the signing key is given apart (create and roll only). */
public record AllaweeWebhookSpec(String name, List<String> events, String url, String apiVersion, String description,
                                 String metadata) {
}
