package dev.kyra.webhooks;

import static dev.kyra.support.ChildProcesses.awaitHealthy;
import static dev.kyra.support.ChildProcesses.freePort;
import static dev.kyra.support.ChildProcesses.javaCommand;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Api;
import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraInstance;
import dev.kyra.support.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Nothing committed is lost (decision D8): events whose webhooks could not be delivered when Kyra was
 * killed with SIGKILL are delivered by the next start, each at least once.
 */
@Tag("standalone")
class WebhookDurabilityTest {

    private static final Map<String, String> WEBHOOKS = Map.of("kyra.webhook.allow-private-targets", "true",
            "kyra.webhook.retry-initial-delay", "200ms", "kyra.webhook.retry-max-delay", "500ms",
            "kyra.webhook.max-attempts", "1000", "kyra.webhook.poll-interval", "200ms",
            // a killed node's claims run out after 3 timeouts: 3 s here, well within the wait below
            "kyra.webhook.timeout", "1s");

    @TempDir
    Path dataDir;

    @Test
    void eventsUndeliveredWhenKyraIsKilledAreDeliveredAfterTheRestart() throws Exception {
        List<String> customers = new ArrayList<>();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.failNext(Integer.MAX_VALUE, 503); // down while the first Kyra runs
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(javaCommand(), "-cp",
                    System.getProperty("java.class.path"), "dev.kyra.KyraApplication", "--server.port=" + port,
                    "--kyra.data-dir=" + dataDir.toAbsolutePath(), "--kyra.admin-token=" + KyraInstance.ADMIN_TOKEN,
                    "--kyra.bootstrap.client-id=durable-client", "--kyra.bootstrap.client-secret=durable-secret-long-enough"));
            WEBHOOKS.forEach((key, value) -> command.add("--" + key + "=" + value));
            Process kyra = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("kyra.log").toFile()).start();
            try {
                Api api = new Api(port);
                awaitHealthy(api, kyra);
                String token = token(api);
                api.post("/api/external/webhook", token, Json.object("collection_url", receiver.url("/c"),
                        "payout_url", receiver.url("/p")));
                for (int i = 0; i < 5; i++) {
                    customers.add(api.post("/api/external/customer", token,
                            Json.with(Customers.INDIVIDUAL, "email", "durable." + i + "@example.com")).data().get("id").stringValue());
                }
                awaitAttempts(receiver, 5);
            } finally {
                kyra.destroyForcibly().waitFor(); // SIGKILL: deliveries are pending, some perhaps mid-claim
            }
            receiver.failNext(0, 503);
            Instant up = Instant.now(); // from here the receiver answers 200

            try (KyraInstance restarted = KyraInstance.start(dataDir, WEBHOOKS)) {
                for (String customer : customers) {
                    receiver.await(request -> request.at().isAfter(up) && request.body().contains(customer));
                }
                JdbcClient jdbc = restarted.bean(JdbcClient.class);
                Instant deadline = Instant.now().plusSeconds(10);
                long pending = Long.MAX_VALUE;
                while (pending > 0 && Instant.now().isBefore(deadline)) {
                    pending = jdbc.sql("select count(*) from webhook_deliveries where status <> 'delivered'").query(Long.class).single();
                    Thread.sleep(50);
                }
                assertThat(pending).as("every delivery ends delivered").isZero();
            }
        }
    }

    /** Waits until the receiver has refused attempts for this many distinct customers. */
    private static void awaitAttempts(WebhookReceiver receiver, int customers) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Set<String> seen = receiver.received().stream().map(request -> Json.tree(request.body()))
                    .map(body -> body.get("customer_id").stringValue()).collect(Collectors.toSet());
            if (seen.size() >= customers) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the first Kyra never tried every customer's webhook");
    }

    private static String token(Api api) {
        JsonNode token = api.postForm("/oauth/token", Map.of("grant_type", "client_credentials",
                "client_id", "durable-client", "client_secret", "durable-secret-long-enough", "scope", "*")).json();
        return token.get("access_token").stringValue();
    }
}
