package dev.kyra.face.blaaiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Journeys;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.ReceiverSignatures;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import dev.kyra.support.TenantState;
import dev.kyra.support.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Blaaiz webhook record and its deliveries (spec §6, decisions B9, B11, B14, B22), received by a
 * real HTTP server on loopback and checked with a signature verification of the test's own.
 */
class BlaaizWebhookTest extends KyraIntegrationTest {

    private static final String WEBHOOK = "/api/external/webhook";

    private final WebhookReceiver receiver = new WebhookReceiver();
    private Tenant tenant;
    private Journeys journeys;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
        journeys = new Journeys(api, tenant);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void theRecordIsRegisteredReadAndChangedOnBothPaths() {
        assertThat(api.get(WEBHOOK, tenant.token()).status()).isEqualTo(404);
        assertThat(api.get(WEBHOOK, tenant.token()).message()).isEqualTo("No webhook URLs configured");

        Response registered = register(receiver.url("/collections"), receiver.url("/payouts"));

        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(registered.message()).isEqualTo("Webhook record created successfully");
        String secret = registered.data().get("signing_secret").stringValue();
        assertThat(secret).matches("[A-Za-z0-9]{40}");
        JsonNode record = api.get(WEBHOOK, tenant.token()).json();
        assertThat(record.get("data").get("collection_url").stringValue()).isEqualTo(receiver.url("/collections"));
        assertThat(record.get("payout_url").stringValue()).as("the docs' flat shape too").isEqualTo(receiver.url("/payouts"));
        assertThat(record.get("data").has("signing_secret")).as("the secret is shown once").isFalse();
        String id = record.get("id").stringValue();

        assertThat(api.put(WEBHOOK, tenant.token(), Json.object("payout_url", receiver.url("/p2"))).message())
                .isEqualTo("Webhook record updated successfully");
        assertThat(api.put(WEBHOOK + "/" + id, tenant.token(), Json.object("collection_url", receiver.url("/c2"))).status())
                .isEqualTo(200);
        JsonNode changed = api.get(WEBHOOK, tenant.token()).data();
        assertThat(changed.get("collection_url").stringValue()).isEqualTo(receiver.url("/c2"));
        assertThat(changed.get("payout_url").stringValue()).isEqualTo(receiver.url("/p2"));
        assertThat(api.put(WEBHOOK + "/01a1fc98-c780-7086-a3be-c27012f8b5ae", tenant.token(),
                Json.object("collection_url", receiver.url("/x"))).status()).isEqualTo(404);
        byte[] stored = jdbc.sql("select signing_key from webhook_endpoints where id = cast(:id as uuid)").param("id", id)
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).as("the key is sealed, not stored").doesNotContain(secret);
    }

    @Test
    void aUrlThatIsNotOneIsRefusedAndNothingIsWritten() {
        String before = TenantState.of(jdbc, tenant.platformId());
        for (String body : new String[] {Json.object("collection_url", "ftp://example.com/hook", "payout_url", receiver.url("/p")),
                Json.object("collection_url", "not a url", "payout_url", receiver.url("/p")),
                Json.object("collection_url", receiver.url("/c")),
                Json.object("collection_url", 5, "payout_url", receiver.url("/p"))}) {
            Response refused = api.post(WEBHOOK, tenant.token(), body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json()).isEqualTo(Json.tree("{\"status\": false, \"message\": \"Invalid webhook URL format\"}"));
        }
        assertThat(TenantState.of(jdbc, tenant.platformId())).isEqualTo(before);
    }

    @Test
    void customersOfTwoPlatformsCreatedAtOnceEachArriveWithTheirOwnData() throws Exception {
        // created together, their deliveries are claimed together, and their customers read together
        Tenant other = tenants.create();
        register(receiver.url("/first"), receiver.url("/payouts"));
        assertThat(api.post(WEBHOOK, other.token(), Json.object("collection_url", receiver.url("/second"),
                "payout_url", receiver.url("/payouts"))).status()).isEqualTo(200);
        Map<String, String> emails = new ConcurrentHashMap<>();
        Map<String, String> paths = new ConcurrentHashMap<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            List<Future<?>> creates = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Tenant owner = i % 2 == 0 ? tenant : other;
                String email = "together" + i + "@example.com";
                creates.add(clients.submit(() -> {
                    Response created = api.post("/api/external/customer", owner.token(),
                            Json.with(Customers.INDIVIDUAL, "email", email));
                    assertThat(created.status()).as(created.toString()).isEqualTo(201);
                    String id = created.data().get("id").stringValue();
                    emails.put(id, email);
                    paths.put(id, owner == tenant ? "/first" : "/second");
                }));
            }
            for (Future<?> create : creates) {
                create.get();
            }
        }
        for (Map.Entry<String, String> customer : emails.entrySet()) {
            WebhookReceiver.Received created = receiver.await(request -> request.body().contains("\"customer.created\"")
                    && request.body().contains(customer.getKey()));
            assertThat(created.path()).as("its own platform's webhook").isEqualTo(paths.get(customer.getKey()));
            assertThat(Json.tree(created.body()).get("customer_email").stringValue()).isEqualTo(customer.getValue());
        }
    }

    @Test
    void customerEventsOfBothFacesArriveSignedAtTheCollectionUrlInOrder() {
        String secret = register(receiver.url("/collections"), receiver.url("/payouts")).data().get("signing_secret").stringValue();
        String id = api.post("/api/external/customer", tenant.token(), Customers.INDIVIDUAL).data().get("id").stringValue();
        journeys.rejectIndividual(id, "Blurred photo");

        WebhookReceiver.Received created = receiver.await(request -> request.body().contains("\"customer.created\"")
                && request.body().contains(id));
        WebhookReceiver.Received rejected = receiver.await(request -> request.body().contains("\"REJECTED\"")
                && request.body().contains(id));

        assertThat(created.path()).isEqualTo("/collections");
        JsonNode body = Json.tree(created.body());
        assertThat(body.propertyNames()).containsExactly("message", "event_type", "customer_id", "customer_email",
                "old_status", "new_status", "comment", "updated_at", "event_id", "type");
        assertThat(body.get("customer_email").stringValue()).isEqualTo("john.doe@company.com");
        assertThat(body.get("old_status").isNull()).isTrue();
        assertThat(body.get("new_status").stringValue()).isEqualTo("PENDING");
        assertThat(body.get("updated_at").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
        JsonNode decided = Json.tree(rejected.body());
        assertThat(decided.get("event_type").stringValue()).isEqualTo("customer.status_changed");
        assertThat(decided.get("old_status").stringValue()).isEqualTo("PROCESSING");
        assertThat(decided.get("comment").stringValue()).isEqualTo("Blurred photo");
        for (WebhookReceiver.Received request : java.util.List.of(created, rejected)) {
            assertThat(request.header("x-blaaiz-timestamp")).matches("\\d{10}");
            assertThat(request.header("x-blaaiz-signature"))
                    .isEqualTo(ReceiverSignatures.blaaiz(secret, request.header("x-blaaiz-timestamp"), request.body()));
        }
        assertThat(Long.parseLong(rejected.header("Kyra-Sequence"))).isGreaterThan(Long.parseLong(created.header("Kyra-Sequence")));

        api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL);
        assertThat(receiver.await(request -> request.body().contains("ciroma@gmail.com")).body())
                .as("a customer made on the Allawee face is a Blaaiz customer.created too").contains("\"customer.created\"");
    }

    @Test
    void aFailedAttemptIsTriedAgainAndEveryAttemptIsLogged() {
        register(receiver.url("/collections"), receiver.url("/payouts"));
        receiver.failNext(1, 503);

        String id = api.post("/api/external/customer", tenant.token(), Customers.INDIVIDUAL).data().get("id").stringValue();

        receiver.await(request -> request.body().contains(id) && receiver.received().size() >= 2);
        java.util.List<WebhookReceiver.Received> attempts = receiver.received();
        assertThat(attempts.get(0).body()).as("a retry sends the same bytes").isEqualTo(attempts.get(1).body());
        assertThat(eventually(() -> deliveryStatus(id), "delivered")).isEqualTo("delivered");
        assertThat(eventually(() -> jdbc.sql("""
                        select string_agg(coalesce(a.status_code::text, a.error), ',' order by a.attempted_at)
                        from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id
                        join customer_events e on e.id = d.event_id where e.customer_id = cast(:id as uuid)""")
                .param("id", id).query(String.class).single(), "503,200")).isEqualTo("503,200");
    }

    @Test
    void aNewRegistrationSignsWithTheNewSecretAndAnotherTenantsCustomersNeverArrive() {
        String old = register(receiver.url("/c"), receiver.url("/p")).data().get("signing_secret").stringValue();
        String fresh = register(receiver.url("/c"), receiver.url("/p")).data().get("signing_secret").stringValue();
        Tenant other = tenants.create();
        String stranger = api.post("/api/external/customer", other.token(), Customers.INDIVIDUAL).data().get("id").stringValue();

        String id = api.post("/api/external/customer", tenant.token(), Customers.INDIVIDUAL).data().get("id").stringValue();

        WebhookReceiver.Received created = receiver.await(request -> request.body().contains(id));
        String timestamp = created.header("x-blaaiz-timestamp");
        assertThat(created.header("x-blaaiz-signature")).isEqualTo(ReceiverSignatures.blaaiz(fresh, timestamp, created.body()))
                .isNotEqualTo(ReceiverSignatures.blaaiz(old, timestamp, created.body()));
        assertThat(receiver.received()).noneMatch(request -> request.body().contains(stranger));
    }

    @Test
    void theLogListsDeliveriesWithTheirAttemptsAndAReplayIsSignedAfreshAndLogged() {
        String secret = register(receiver.url("/c"), receiver.url("/p")).data().get("signing_secret").stringValue();
        String id = api.post("/api/external/customer", tenant.token(), Customers.INDIVIDUAL).data().get("id").stringValue();
        WebhookReceiver.Received first = receiver.await(request -> request.body().contains(id));
        String eventId = Json.tree(first.body()).get("event_id").stringValue();
        assertThat(eventually(() -> deliveryStatus(id), "delivered")).isEqualTo("delivered");

        JsonNode page = api.get("/api/external/webhook-logs?search_term=" + id, tenant.token()).json();

        assertThat(page.propertyNames()).containsExactly("current_page", "data", "per_page", "total");
        assertThat(page.get("total").longValue()).isEqualTo(1);
        JsonNode log = page.get("data").get(0);
        assertThat(log.get("status").stringValue()).isEqualTo("SUCCESSFUL");
        assertThat(log.get("type").stringValue()).isEqualTo("customer.created");
        assertThat(log.get("webhook_url").stringValue()).isEqualTo(receiver.url("/c"));
        assertThat(log.get("payload")).isEqualTo(Json.tree(first.body()));
        assertThat(log.get("business_id").stringValue()).isEqualTo(tenant.platformId());
        assertThat(api.get("/api/external/webhook-logs?status=FAILED&search_term=" + id, tenant.token()).json()
                .get("total").longValue()).isZero();
        assertThat(api.get("/api/external/webhook-logs?per_page=31", tenant.token()).status()).isEqualTo(422);
        assertThat(api.get("/api/external/webhook-logs?start_date=yesterday", tenant.token()).status()).isEqualTo(422);
        String logId = log.get("id").stringValue();

        assertThat(api.post("/api/external/webhook-replay", tenant.token(), Json.object("transaction_id", eventId)).message())
                .isEqualTo("Webhook replayed successfully");
        receiver.await(request -> request.body().contains(id) && receiver.received().size() >= 2);
        assertThat(eventually(() -> String.valueOf(histories(logId).size()), "2")).isEqualTo("2");
        assertThat(api.post("/api/external/webhook/replay", tenant.token(), Json.object("transaction_id", logId)).status())
                .isEqualTo(200);

        receiver.await(request -> request.body().contains(id) && receiver.received().size() >= 3);
        WebhookReceiver.Received replayed = receiver.received().get(2);
        assertThat(replayed.body()).isEqualTo(first.body());
        assertThat(replayed.header("x-blaaiz-signature"))
                .isEqualTo(ReceiverSignatures.blaaiz(secret, replayed.header("x-blaaiz-timestamp"), replayed.body()));
        assertThat(eventually(() -> String.valueOf(histories(logId).size()), "3")).isEqualTo("3");
        JsonNode history = histories(logId);
        assertThat(history.get(0).get("status_code").intValue()).isEqualTo(200);
        assertThat(history.get(0).get("headers").get("x-blaaiz-signature").stringValue()).matches("[0-9a-f]{64}");
    }

    @Test
    void logsAndReplaysOfAnotherTenantOrOfNothingAre404() {
        register(receiver.url("/c"), receiver.url("/p"));
        String id = api.post("/api/external/customer", tenant.token(), Customers.INDIVIDUAL).data().get("id").stringValue();
        receiver.await(request -> request.body().contains(id));
        String logId = api.get("/api/external/webhook-logs", tenant.token()).json().get("data").get(0).get("id").stringValue();
        Tenant other = tenants.create();

        for (Response response : new Response[] {api.get("/api/external/webhook-logs/" + logId, other.token()),
                api.get("/api/external/webhook-logs/not-an-id", tenant.token()),
                api.post("/api/external/webhook-replay", other.token(), Json.object("transaction_id", logId)),
                api.post("/api/external/webhook/replay", tenant.token(),
                        Json.object("transaction_id", "01a1fc98-c780-7086-a3be-c27012f8b5ae"))}) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.message()).isEqualTo("Webhook log not found");
        }
        assertThat(api.get("/api/external/webhook-logs", other.token()).json().get("total").longValue()).isZero();
        assertThat(api.post("/api/external/webhook-replay", tenant.token(), "{}").status()).isEqualTo(422);
    }

    private JsonNode histories(String logId) {
        return api.get("/api/external/webhook-logs/" + logId, tenant.token()).data().get("webhook_log_histories");
    }

    private Response register(String collectionUrl, String payoutUrl) {
        return api.post(WEBHOOK, tenant.token(), Json.object("collection_url", collectionUrl, "payout_url", payoutUrl));
    }

    /** The value once it is {@code expected}, or the last one seen after 10 s: the worker logs an attempt after its answer. */
    private static String eventually(java.util.function.Supplier<String> value, String expected) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        String seen = value.get();
        while (!expected.equals(seen) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            seen = value.get();
        }
        return seen;
    }

    private String deliveryStatus(String customerId) {
        return jdbc.sql("""
                        select d.status from webhook_deliveries d join customer_events e on e.id = d.event_id
                        where e.customer_id = cast(:id as uuid) and e.type = 'customer.created'""")
                .param("id", customerId).query(String.class).single();
    }
}
