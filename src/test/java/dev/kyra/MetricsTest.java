package dev.kyra;

import static dev.kyra.support.Eventually.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Journeys;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import dev.kyra.support.WebhookReceiver;
import dev.kyra.support.Windows;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * {@code /actuator/prometheus} on the main port: behind the admin token, with HTTP metrics per
 * route and status, the pool and the JVM, and Kyra's own figures, each moved by what it counts.
 */
class MetricsTest extends KyraIntegrationTest {

    @Test
    void metricsOnTheMainPortTakeTheAdminToken() {
        Response refused = api.getText("/actuator/prometheus", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("kyra_");
        assertThat(api.getText("/actuator/prometheus", "not-the-admin-token").status()).isEqualTo(401);

        String metrics = metrics();
        assertThat(metrics).contains("hikaricp_connections_active{pool=\"kyra\"}", "jvm_memory_used_bytes",
                "kyra_webhook_backlog ");
        assertThat(api.get("/actuator/health", null).status()).as("probes stay open").isEqualTo(200);
    }

    @Test
    void requestsAreCountedPerRouteAndStatus() {
        Tenant tenant = tenants.create();
        String id = api.post("/api/external/customer", tenant.token(), Customers.INDIVIDUAL).data().get("id").stringValue();
        double before = value(metrics(), "http_server_requests_seconds_count",
                "method=\"GET\"", "status=\"200\"", "uri=\"/api/external/customer/{customerId}\"").orElse(0);

        api.get("/api/external/customer/" + id, tenant.token());
        api.get("/api/external/customer/" + id, tenant.token());
        api.get("/api/external/customer/01a1fc98-c780-7086-a3be-c27012f8b5ae", tenant.token());

        String after = metrics();
        assertThat(value(after, "http_server_requests_seconds_count",
                "method=\"GET\"", "status=\"200\"", "uri=\"/api/external/customer/{customerId}\"").orElseThrow())
                .isEqualTo(before + 2);
        assertThat(value(after, "http_server_requests_seconds_count",
                "status=\"404\"", "uri=\"/api/external/customer/{customerId}\"")).as("per status").isPresent();
    }

    @Test
    void customersByStatusAndTheReviewQueueFollowTheDatabase() {
        Tenant tenant = tenants.create();
        Journeys journeys = new Journeys(api, tenant);
        String id = api.post("/api/external/customer", tenant.token(), Customers.INDIVIDUAL).data().get("id").stringValue();
        journeys.sendIndividualToReview(id);

        awaitTrue(() -> {
            String metrics = metrics();
            long processing = jdbc.sql("select count(*) from customers where verification_status = 'PROCESSING'")
                    .query(Long.class).single();
            return value(metrics, "kyra_customers", "status=\"PROCESSING\"").orElse(-1) == processing
                    && value(metrics, "kyra_review_queue_depth").orElse(0) >= 1
                    && value(metrics, "kyra_review_queue_oldest_wait_seconds").orElse(-1) >= 0;
        }, "the gauges read what the database holds");
    }

    @Test
    void decisionsAreCountedWhenTheyCommit() {
        Tenant tenant = tenants.create();
        Journeys journeys = new Journeys(api, tenant);
        String approved = api.post("/api/external/customer", tenant.token(), Customers.INDIVIDUAL).data().get("id").stringValue();
        String other = api.post("/api/external/customer", tenant.token(),
                Json.with(Customers.INDIVIDUAL, "email", "other@example.com", "id_number", "M-77")).data().get("id").stringValue();
        double approvals = decisions("customer", "approved");
        double rejections = decisions("customer", "rejected");

        journeys.verifyIndividual(approved);
        journeys.rejectIndividual(other, "The document is unreadable.");
        Response refused = journeys.admin("/admin/v1/customers/" + approved + "/approve", null);
        assertThat(refused.status()).as("not under review any more").isEqualTo(409);

        assertThat(decisions("customer", "approved")).as("the refused approval is not counted").isEqualTo(approvals + 1);
        assertThat(decisions("customer", "rejected")).isEqualTo(rejections + 1);
    }

    @Test
    void webhookAttemptsAreTimedPerEndpoint() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Tenant tenant = tenants.create();
            api.post("/api/external/webhook", tenant.token(), Json.object("collection_url", receiver.url("/c"),
                    "payout_url", receiver.url("/p")));
            String endpoint = jdbc.sql("select id::text from webhook_endpoints where platform_id = cast(:platform as uuid)")
                    .param("platform", tenant.platformId()).query(String.class).single();
            receiver.failNext(1, 500);
            api.post("/api/external/customer", tenant.token(), Customers.INDIVIDUAL);
            receiver.await(received -> received.body().contains("customer.created") && received.path().equals("/c"));

            awaitTrue(() -> {
                String metrics = metrics();
                return value(metrics, "kyra_webhook_attempts_seconds_count", "endpoint=\"" + endpoint + "\"",
                        "face=\"blaaiz\"", "outcome=\"failed\"").orElse(0) == 1
                        && value(metrics, "kyra_webhook_attempts_seconds_count", "endpoint=\"" + endpoint + "\"",
                        "outcome=\"delivered\"").orElse(0) == 1
                        && value(metrics, "kyra_webhook_delivery_lag_seconds_count", "face=\"blaaiz\"").orElse(0) >= 1;
            }, "one failed and one delivered attempt, timed");
        }
    }

    @Test
    void refusalsPastARateLimitAreCounted() {
        Windows.minuteWithAtLeast(Duration.ofSeconds(10)); // both requests in one minute's window
        Tenant tenant = tenants.create();
        tenants.changeSettings(tenant, Json.object("rate_limit_per_minute", 1));
        double before = value(metrics(), "kyra_rate_limit_refusals_total", "limit=\"credential\"").orElseThrow();

        api.get("/customers", tenant.apiKey());
        assertThat(api.get("/customers", tenant.apiKey()).status()).isEqualTo(429);

        assertThat(value(metrics(), "kyra_rate_limit_refusals_total", "limit=\"credential\"").orElseThrow())
                .isGreaterThanOrEqualTo(before + 1);
    }

    private double decisions(String subject, String verdict) {
        return value(metrics(), "kyra_review_decisions_total", "subject=\"" + subject + "\"", "verdict=\"" + verdict + "\"")
                .orElseThrow();
    }

    private String metrics() {
        Response response = api.getText("/actuator/prometheus", ADMIN_TOKEN);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /** The value of the first sample of this name whose labels include all of these. */
    private static OptionalDouble value(String metrics, String name, String... labels) {
        return Arrays.stream(metrics.split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
