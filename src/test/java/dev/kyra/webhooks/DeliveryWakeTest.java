package dev.kyra.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Api;
import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraInstance;
import dev.kyra.support.WebhookReceiver;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery workers are woken by a commit that queued deliveries — this node's in the process, the
 * other nodes' by the NOTIFY sent after it — not by their polling, which here waits an hour (the
 * receiver waits 15 s for each webhook).
 */
@Tag("standalone")
class DeliveryWakeTest {

    private static final String CLIENT_ID = "wake-client";
    private static final String CLIENT_SECRET = "wake-secret-long-enough";
    private static final Map<String, String> POLLING_HOURLY = Map.of("kyra.webhook.allow-private-targets", "true",
            "kyra.webhook.poll-interval", "1h", "kyra.bootstrap.client-id", CLIENT_ID,
            "kyra.bootstrap.client-secret", CLIENT_SECRET);

    @TempDir
    Path firstDir;

    @TempDir
    Path secondDir;

    @Test
    void aCommitWakesThisNodesWorkerAndTheOtherNodesToo() {
        try (WebhookReceiver receiver = new WebhookReceiver();
             KyraInstance first = KyraInstance.start(firstDir, POLLING_HOURLY)) {
            try (KyraInstance second = first.secondNode(secondDir, POLLING_HOURLY)) {
                Api api = first.api();
                String token = token(api);
                api.post("/api/external/webhook", token, Json.object("collection_url", receiver.url("/c"),
                        "payout_url", receiver.url("/p")));

                String woken = create(api, token, "woken.here@example.com");
                receiver.await(request -> request.body().contains(woken));

                // with the first node's worker stopped, only the second node can send it: told by the NOTIFY
                first.bean(DeliveryWorker.class).stop();
                String told = create(api, token, "told.there@example.com");
                WebhookReceiver.Received sent = receiver.await(request -> request.body().contains(told));
                assertThat(Json.tree(sent.body()).get("customer_id").stringValue()).isEqualTo(told);
            }
        }
    }

    private static String create(Api api, String token, String email) {
        return api.post("/api/external/customer", token, Json.with(Customers.INDIVIDUAL, "email", email))
                .data().get("id").stringValue();
    }

    private static String token(Api api) {
        return api.postForm("/oauth/token", Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "scope", "*")).json().get("access_token").stringValue();
    }
}
