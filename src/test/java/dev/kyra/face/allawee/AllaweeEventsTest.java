package dev.kyra.face.allawee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.ReceiverSignatures;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import dev.kyra.support.TenantState;
import dev.kyra.support.Tenants;
import dev.kyra.support.WebhookReceiver;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Allawee event records (decision A17) — one per event and webhook, with delivery status and
 * attempts, listed by the query language and retried — and the platform's default webhook (A13, A16),
 * which takes what no enabled webhook is subscribed to. Received by a real HTTP server on loopback.
 */
class AllaweeEventsTest extends KyraIntegrationTest {

    private final WebhookReceiver receiver = new WebhookReceiver();
    private Tenant tenant;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void anEventRecordShowsWhatWasSentWhereAndEachAttempt() {
        String webhook = enabledWebhook(List.of("customer.created"));
        receiver.failNext(1, 503);
        String customer = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();

        eventually(() -> receivedFor(customer).size() >= 2);
        WebhookReceiver.Received second = receivedFor(customer).get(1);
        String eventId = Json.tree(second.body()).get("metadata").get("event").stringValue();
        JsonNode event = awaitStatus(eventId, "delivered");

        assertThat(event.propertyNames()).containsExactly("id", "object", "event", "data", "webhook", "url", "status",
                "attempts", "sentAt", "createdAt", "updatedAt");
        assertThat(event.get("id").stringValue()).isEqualTo(eventId).matches("evt\\.[1-9A-HJ-NP-Za-km-z]{17}");
        assertThat(event.get("object").stringValue()).isEqualTo("event");
        assertThat(event.get("event").stringValue()).isEqualTo("customer.created");
        assertThat(event.get("data").get("id").stringValue()).isEqualTo(customer);
        assertThat(event.get("webhook").stringValue()).isEqualTo(webhook);
        assertThat(event.get("url").stringValue()).isEqualTo(receiver.url("/hooks"));
        JsonNode attempts = event.get("attempts");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).get("statusCode").intValue()).isEqualTo(503);
        assertThat(attempts.get(1).get("statusCode").intValue()).isEqualTo(200);
        assertThat(attempts.get(1).get("latency").isNumber()).isTrue();
        assertThat(event.get("sentAt").stringValue()).isEqualTo(attempts.get(1).get("createdAt").stringValue());

        JsonNode listed = api.get("/events", tenant.apiKey()).data();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0)).isEqualTo(event);
    }

    @Test
    void aRetrySendsTheEventAgainNowSignedWithTheCurrentKey() {
        String webhook = enabledWebhook(List.of("customer.created"));
        String customer = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();
        WebhookReceiver.Received first = receiver.await(request -> request.body().contains(customer));
        String eventId = Json.tree(first.body()).get("metadata").get("event").stringValue();
        awaitStatus(eventId, "delivered");
        String rolled = api.post("/webhooks/" + webhook + "/secret/roll", tenant.apiKey(), "{}").data().get("signingKey").stringValue();

        Response retried = api.post("/events/" + eventId + "/retry", tenant.apiKey(), "{}");

        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        assertThat(retried.data().get("id").stringValue()).isEqualTo(eventId);
        eventually(() -> receivedFor(customer).size() == 2);
        WebhookReceiver.Received again = receivedFor(customer).get(1);
        assertThat(again.body()).as("the same bytes").isEqualTo(first.body());
        assertThat(again.header("Allawee-Signature")).isEqualTo(ReceiverSignatures.allawee(rolled, again.body()));
        eventually(() -> api.get("/events/" + eventId, tenant.apiKey()).data().get("attempts").size() == 2);
    }

    @Test
    void eventsAreListedByTheQueryLanguageWithCursors() {
        String created = enabledWebhook(List.of("customer.created"));
        String updated = enabledWebhook(List.of("customer.updated"));
        String first = api.post("/customers", tenant.apiKey(), Json.with(Customers.ALLAWEE_INDIVIDUAL, "reference", "one"))
                .data().get("id").stringValue();
        api.put("/customers/" + first, tenant.apiKey(), Json.object("name", "Renamed Customer"));
        api.post("/customers", tenant.apiKey(), Json.with(Customers.ALLAWEE_INDIVIDUAL, "reference", "two"));
        eventually(() -> list("filter=status:delivered").size() == 3);

        assertThat(list("filter=" + encode("event:customer.created"))).hasSize(2)
                .allMatch(event -> event.get("webhook").stringValue().equals(created));
        assertThat(list("filter=" + encode("webhook|eq|" + updated))).singleElement()
                .satisfies(event -> assertThat(event.get("event").stringValue()).isEqualTo("customer.updated"));
        assertThat(list("filter=" + encode("event:customer.created status:failed"))).isEmpty();

        JsonNode newestFirst = list("limit=2");
        Response page = api.get("/events?limit=2&countTotal", tenant.apiKey());
        assertThat(page.json().get("metadata").get("hasMore").booleanValue()).isTrue();
        assertThat(page.json().get("metadata").get("totalCount").intValue()).isEqualTo(3);
        JsonNode rest = list("limit=2&after=" + newestFirst.get(1).get("id").stringValue());
        assertThat(rest).hasSize(1);
        assertThat(List.of(newestFirst.get(0).get("id"), newestFirst.get(1).get("id"), rest.get(0).get("id"))).doesNotHaveDuplicates();
        assertThat(list("limit=2&before=" + rest.get(0).get("id").stringValue())).isEqualTo(newestFirst);
        assertThat(list("select=event")).allSatisfy(event -> assertThat(event.propertyNames()).containsExactly("id", "object", "event"));

        for (String bad : List.of("filter=" + encode("colour:red"), "after=cus.notanevent", "sort=attempts",
                "filter=" + encode("createdAt|gtd|yesterday"), "limit=1000")) {
            Response refused = api.get("/events?" + bad, tenant.apiKey());
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().get("code").stringValue()).isEqualTo("validation-error");
        }
    }

    @Test
    void anotherTenantsEventsAreNotFoundAndTheScopesAreRequired() {
        enabledWebhook(List.of("customer.created"));
        api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL);
        eventually(() -> list("filter=status:delivered").size() == 1); // settled: nothing changes in the background
        String eventId = list("").get(0).get("id").stringValue();
        Tenant other = tenants.create();
        String readOnly = tenants.apiKey(tenant.platformId(), tenant.mode(), List.of("events:read"));
        String customersOnly = tenants.apiKey(tenant.platformId(), tenant.mode(), List.of("customers:read"));
        String before = TenantState.of(jdbc, tenant.platformId());

        assertThat(api.get("/events", other.apiKey()).data()).isEmpty();
        assertThat(api.get("/events/" + eventId, other.apiKey()).status()).isEqualTo(404);
        assertThat(api.post("/events/" + eventId + "/retry", other.apiKey(), "{}").status()).isEqualTo(404);
        assertThat(api.get("/events/evt.notanid", tenant.apiKey()).json().get("code").stringValue()).isEqualTo("not-found");
        Response forbidden = api.post("/events/" + eventId + "/retry", readOnly, "{}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(api.get("/events/" + eventId, readOnly).status()).isEqualTo(200);
        assertThat(api.get("/events", customersOnly).status()).isEqualTo(403);
        assertThat(TenantState.of(jdbc, tenant.platformId())).as("nothing was retried").isEqualTo(before);
    }

    @Test
    void theLiveModeSeesNoneOfTheTestModesWebhooksOrEventsAndFeedsNone() {
        enabledWebhook(List.of("customer.created"));
        api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL);
        eventually(() -> list("").size() == 1);
        String eventId = list("").get(0).get("id").stringValue();
        String live = tenants.apiKey(tenant.platformId(), "live", Tenants.ALL_KEY_SCOPES);

        assertThat(api.get("/events", live).data()).isEmpty();
        assertThat(api.get("/webhooks", live).data()).isEmpty();
        assertThat(api.get("/events/" + eventId, live).status()).isEqualTo(404);
        assertThat(api.post("/events/" + eventId + "/retry", live, "{}").status()).isEqualTo(404);
        String liveCustomer = api.post("/customers", live, Json.with(Customers.ALLAWEE_INDIVIDUAL, "reference", "live-one"))
                .data().get("id").stringValue();
        String testCustomer = api.post("/customers", tenant.apiKey(), Json.with(Customers.ALLAWEE_INDIVIDUAL, "reference", "test-two"))
                .data().get("id").stringValue();
        receiver.await(request -> request.body().contains(testCustomer));
        assertThat(receiver.received()).noneMatch(request -> request.body().contains(liveCustomer));
        assertThat(jdbc.sql("select count(*) from webhook_deliveries where platform_id = cast(:p as uuid) and mode = 'live'")
                .param("p", tenant.platformId()).query(Long.class).single()).isZero();
    }

    @Test
    void theDefaultWebhookTakesWhatNoEnabledWebhookIsSubscribedTo() {
        Response set = api.put(defaultWebhook(), ADMIN_TOKEN, Json.object("url", receiver.url("/default")));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.data().propertyNames()).containsExactly("url", "signingKey");
        String key = set.data().get("signingKey").stringValue();
        assertThat(api.put(defaultWebhook(), ADMIN_TOKEN, Json.object("url", receiver.url("/fallback"))).data()
                .get("signingKey").stringValue()).as("a later PUT keeps the key").isEqualTo(key);
        String disabled = api.post("/webhooks", tenant.apiKey(), Json.object("name", "later", "events",
                List.of("customer.created"), "url", receiver.url("/hooks"))).data().get("id").stringValue();

        String early = api.post("/customers", tenant.apiKey(), Json.with(Customers.ALLAWEE_INDIVIDUAL, "reference", "early"))
                .data().get("id").stringValue();
        WebhookReceiver.Received fallback = receiver.await(request -> request.path().equals("/fallback")
                && request.body().contains("\"customer.created\"") && request.body().contains(early));
        assertThat(fallback.header("Allawee-Signature")).isEqualTo(ReceiverSignatures.allawee(key, fallback.body()));
        JsonNode record = api.get("/events/" + Json.tree(fallback.body()).get("metadata").get("event").stringValue(),
                tenant.apiKey()).data();
        assertThat(record.get("webhook").isNull()).isTrue();
        assertThat(record.get("url").stringValue()).isEqualTo(receiver.url("/fallback"));

        api.post("/webhooks/" + disabled + "/enable", tenant.apiKey(), "{}");
        String late = api.post("/customers", tenant.apiKey(), Json.with(Customers.ALLAWEE_INDIVIDUAL, "reference", "late"))
                .data().get("id").stringValue();
        receiver.await(request -> request.path().equals("/hooks") && request.body().contains(late));
        receiver.await(request -> request.path().equals("/fallback") && request.body().contains(late)
                && request.body().contains("\"customer.verification.updated\""));
        assertThat(receiver.received()).as("customer.created has a subscriber now")
                .noneMatch(request -> request.path().equals("/fallback") && request.body().contains(late)
                        && request.body().contains("\"customer.created\""));

        String rolled = api.post(defaultWebhook() + "/secret/roll", ADMIN_TOKEN, "").data().get("signingKey").stringValue();
        assertThat(rolled).isNotEqualTo(key);
        assertThat(api.get(defaultWebhook(), ADMIN_TOKEN).data().get("signingKey").stringValue()).isEqualTo(rolled);
        assertThat(api.get("/webhooks", tenant.apiKey()).data()).as("the default is not one of the platform's webhooks").hasSize(1);
        assertThat(api.delete(defaultWebhook(), ADMIN_TOKEN).status()).isEqualTo(204);
        assertThat(api.get(defaultWebhook(), ADMIN_TOKEN).status()).isEqualTo(404);
    }

    @Test
    void aBadDefaultWebhookIsRefusedAndNothingIsWritten() {
        String before = TenantState.of(jdbc, tenant.platformId());

        for (String body : List.of(Json.object("url", "ftp://example.com/h"), Json.object("url", ""), "{}")) {
            Response refused = api.put(defaultWebhook(), ADMIN_TOKEN, body);
            assertThat(refused.status()).as(body).isIn(400, 422);
        }
        assertThat(api.put(defaultWebhook(), ADMIN_TOKEN, Json.object("url", receiver.url("/h"), "colour", "red")).status())
                .isEqualTo(400);
        assertThat(api.put("/admin/v1/platforms/" + tenant.platformId() + "/default-webhooks/staging", ADMIN_TOKEN,
                Json.object("url", receiver.url("/h"))).status()).isEqualTo(422);
        assertThat(api.put("/admin/v1/platforms/" + java.util.UUID.randomUUID() + "/default-webhooks/test", ADMIN_TOKEN,
                Json.object("url", receiver.url("/h"))).status()).isEqualTo(404);
        assertThat(api.post(defaultWebhook() + "/secret/roll", ADMIN_TOKEN, "").status()).isEqualTo(404);
        assertThat(api.put(defaultWebhook(), tenant.apiKey(), Json.object("url", receiver.url("/h"))).status()).isEqualTo(401);
        assertThat(TenantState.of(jdbc, tenant.platformId())).isEqualTo(before);
    }

    @Test
    void webhooksAreListedByTheQueryLanguage() {
        String enabled = enabledWebhook(List.of("customer.created"));
        api.post("/webhooks", tenant.apiKey(), Json.object("name", "Second", "events", List.of("customer.updated"),
                "url", receiver.url("/second")));

        JsonNode onlyEnabled = api.get("/webhooks?filter=status:enabled", tenant.apiKey()).data();
        assertThat(onlyEnabled).singleElement().satisfies(webhook -> assertThat(webhook.get("id").stringValue()).isEqualTo(enabled));
        assertThat(api.get("/webhooks?filter=" + encode("events:customer.updated"), tenant.apiKey()).data()).singleElement()
                .satisfies(webhook -> assertThat(webhook.get("name").stringValue()).isEqualTo("Second"));
        Response firstPage = api.get("/webhooks?limit=1&sort=createdAt", tenant.apiKey());
        assertThat(firstPage.json().get("metadata").get("hasMore").booleanValue()).isTrue();
        assertThat(firstPage.data().get(0).get("id").stringValue()).isEqualTo(enabled);
        assertThat(api.get("/webhooks?limit=1&sort=createdAt&after=" + enabled, tenant.apiKey()).data().get(0)
                .get("name").stringValue()).isEqualTo("Second");
        assertThat(api.get("/webhooks?filter=" + encode("signingKey:x"), tenant.apiKey()).status()).isEqualTo(400);
    }

    private List<WebhookReceiver.Received> receivedFor(String customer) {
        return receiver.received().stream().filter(request -> request.body().contains(customer)).toList();
    }

    /** Waits for what the delivery engine does after the answer; the deadline only bounds a broken run. */
    private static void eventually(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the condition did not come true");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private String enabledWebhook(List<String> events) {
        String id = api.post("/webhooks", tenant.apiKey(), Json.write(Map.of("name", "Hooks", "events", events,
                "url", receiver.url("/hooks")))).data().get("id").stringValue();
        api.post("/webhooks/" + id + "/enable", tenant.apiKey(), "{}");
        return id;
    }

    private JsonNode awaitStatus(String eventId, String status) {
        eventually(() -> status.equals(api.get("/events/" + eventId, tenant.apiKey()).data().get("status").stringValue()));
        return api.get("/events/" + eventId, tenant.apiKey()).data();
    }

    private JsonNode list(String query) {
        Response response = api.get("/events?" + query, tenant.apiKey());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data();
    }

    private String defaultWebhook() {
        return "/admin/v1/platforms/" + tenant.platformId() + "/default-webhooks/" + tenant.mode();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
