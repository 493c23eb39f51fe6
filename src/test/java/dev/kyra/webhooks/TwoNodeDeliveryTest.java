package dev.kyra.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.kyra.support.Api;
import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraInstance;
import dev.kyra.support.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Kyra nodes on one PostgreSQL share one outbox: every webhook is sent by one of them, once —
 * whichever node made the change, and although both dispatchers claim from the same rows — and a
 * commit that queued deliveries wakes both nodes' workers, not their polling.
 */
@Tag("standalone")
class TwoNodeDeliveryTest {

    private static final String CLIENT_ID = "two-node-client";
    private static final String CLIENT_SECRET = "two-node-secret-long-enough";
    private static final Map<String, String> WEBHOOKS = Map.of("kyra.webhook.allow-private-targets", "true",
            "kyra.webhook.poll-interval", "100ms", "kyra.bootstrap.client-id", CLIENT_ID,
            "kyra.bootstrap.client-secret", CLIENT_SECRET);

    @TempDir
    Path firstDir;

    @TempDir
    Path secondDir;

    @Test
    void eachEventIsDeliveredOnceByOneOfTwoNodes() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
             KyraInstance first = KyraInstance.start(firstDir, WEBHOOKS)) {
            try (KyraInstance second = first.secondNode(secondDir, WEBHOOKS)) {
                List<Api> nodes = List.of(first.api(), second.api());
                String token = token(nodes.get(0));
                nodes.get(1).post("/api/external/webhook", token, Json.object("collection_url", receiver.url("/c"),
                        "payout_url", receiver.url("/p")));
                List<String> customers = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    customers.add(nodes.get(i % 2).post("/api/external/customer", token,
                            Json.with(Customers.INDIVIDUAL, "email", "node." + i + "@example.com")).data().get("id").stringValue());
                }

                for (String customer : customers) {
                    receiver.await(request -> request.body().contains(customer));
                }
                Thread.sleep(Duration.ofMillis(500)); // time for a second, wrong copy to arrive, if one were coming
                Map<String, Long> copies = receiver.received().stream()
                        .collect(Collectors.groupingBy(request -> Json.tree(request.body()).get("customer_id").stringValue(),
                                Collectors.counting()));
                assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(customers);
                assertThat(copies.values()).as("one copy of each").containsOnly(1L);
            }
        }
    }

    @Test
    void aCommitWakesThisNodesWorkerAndTheOtherNodesByItsNotify() {
        // polling an hour apart: the receiver's 15 s for each webhook can only be met by a wake
        Map<String, String> pollingHourly = new HashMap<>(WEBHOOKS);
        pollingHourly.put("kyra.webhook.poll-interval", "1h");
        try (WebhookReceiver receiver = new WebhookReceiver();
             KyraInstance first = KyraInstance.start(firstDir, pollingHourly)) {
            try (KyraInstance second = first.secondNode(secondDir, pollingHourly)) {
                Api api = first.api();
                String token = token(api);
                api.post("/api/external/webhook", token, Json.object("collection_url", receiver.url("/c"),
                        "payout_url", receiver.url("/p")));

                String woken = create(api, token, "woken.here@example.com");
                receiver.await(request -> request.body().contains(woken));

                // with the first node's worker stopped, only the second can send it: told by the NOTIFY
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
