package dev.kyra.face.allawee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.ReceiverSignatures;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import dev.kyra.support.TenantState;
import dev.kyra.support.WebhookReceiver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Allawee webhooks (spec allawee.md §5, decisions A12, A13, A19): created disabled, enabled to take
 * effect, subscribed by event name, signed with HMAC-SHA512 of the raw body — received by a real HTTP
 * server on loopback and checked with the test's own HMAC.
 */
class AllaweeWebhookTest extends KyraIntegrationTest {

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
    void aWebhookIsCreatedDisabledWithoutItsKeyAndChangedEnabledAndDeleted() {
        Response created = create(List.of("customer.created"), null);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode webhook = created.data();
        assertThat(webhook.get("id").stringValue()).matches("wh\\.[1-9A-HJ-NP-Za-km-z]{17}");
        assertThat(webhook.get("object").stringValue()).isEqualTo("webhook");
        assertThat(webhook.get("status").stringValue()).isEqualTo("disabled");
        assertThat(webhook.has("signingKey")).isFalse();
        String id = webhook.get("id").stringValue();
        assertThat(api.get("/webhooks", tenant.apiKey()).data()).hasSize(1);

        JsonNode changed = api.put("/webhooks/" + id, tenant.apiKey(), Json.object("name", "Renamed",
                "events", List.of("customer.updated"), "url", receiver.url("/hooks"))).data();
        assertThat(changed.get("name").stringValue()).isEqualTo("Renamed");
        assertThat(changed.get("events")).isEqualTo(Json.tree("[\"customer.updated\"]"));
        assertThat(api.post("/webhooks/" + id + "/enable", tenant.apiKey(), "{}").data().get("status").stringValue())
                .isEqualTo("enabled");
        assertThat(api.post("/webhooks/" + id + "/disable", tenant.apiKey(), "{}").data().get("status").stringValue())
                .isEqualTo("disabled");
        assertThat(api.put("/webhooks/" + id, tenant.apiKey(), Json.object("name", "x", "events", List.of("customer.updated"),
                "url", receiver.url("/hooks"), "signingKey", "a-key-of-enough-length")).status()).isEqualTo(400);

        assertThat(api.delete("/webhooks/" + id, tenant.apiKey()).status()).isEqualTo(200);
        assertThat(api.get("/webhooks/" + id, tenant.apiKey()).status()).isEqualTo(404);
        assertThat(api.get("/webhooks/wh.notanid", tenant.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void badWebhooksAreRefusedAndNothingIsWritten() {
        String before = TenantState.of(jdbc, tenant.platformId());

        for (String body : new String[] {Json.object("events", List.of("customer.created"), "url", receiver.url("/h")),
                Json.object("name", "n", "events", List.of(), "url", receiver.url("/h")),
                Json.object("name", "n", "events", List.of("card.created"), "url", receiver.url("/h")),
                Json.object("name", "n", "events", List.of("customer.created"), "url", "ftp://example.com/h"),
                Json.object("name", "n", "events", List.of("customer.created"), "url", receiver.url("/h"), "signingKey", "short")}) {
            Response refused = api.post("/webhooks", tenant.apiKey(), body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json().get("code").stringValue()).isEqualTo("validation-error");
        }
        assertThat(TenantState.of(jdbc, tenant.platformId())).isEqualTo(before);
    }

    @Test
    void anEnabledWebhookReceivesItsEventsInTheEnvelopeSignedWithItsKey() {
        String id = create(List.of("customer.created", "customer.verification.updated"), "my-own-signing-key-1234").data()
                .get("id").stringValue();
        String disabledMeanwhile = api.post("/customers", tenant.apiKey(),
                Json.with(Customers.ALLAWEE_INDIVIDUAL, "reference", "before-enable")).data().get("id").stringValue();
        api.post("/webhooks/" + id + "/enable", tenant.apiKey(), "{}");

        String customer = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();

        WebhookReceiver.Received created = receiver.await(request -> request.body().contains("\"customer.created\"")
                && request.body().contains(customer));
        receiver.await(request -> request.body().contains("\"customer.verification.updated\"") && request.body().contains(customer));
        JsonNode body = Json.tree(created.body());
        assertThat(body.propertyNames()).containsExactly("event", "data", "metadata");
        assertThat(body.get("data").get("id").stringValue()).isEqualTo(customer);
        assertThat(body.get("metadata").get("event").stringValue()).matches("evt\\.[1-9A-HJ-NP-Za-km-z]{17}");
        assertThat(body.get("metadata").get("sentAt").stringValue()).endsWith("Z");
        assertThat(created.header("Allawee-Signature")).isEqualTo(ReceiverSignatures.allawee("my-own-signing-key-1234", created.body()));
        assertThat(api.get("/webhooks/" + id + "/secret", tenant.apiKey()).data().get("signingKey").stringValue())
                .isEqualTo("my-own-signing-key-1234");
        assertThat(receiver.received()).as("a disabled webhook gets nothing").noneMatch(request -> request.body().contains(disabledMeanwhile));
        assertThat(receiver.received()).as("customer.updated is not subscribed")
                .noneMatch(request -> request.body().contains("\"customer.updated\""));

        String rolled = api.post("/webhooks/" + id + "/secret/roll", tenant.apiKey(), "{}").data().get("signingKey").stringValue();
        String uuid = jdbc.sql("select id::text from customers where platform_id = cast(:p as uuid) and reference = 'ref-ciroma'")
                .param("p", tenant.platformId()).query(String.class).single();
        api.post("/admin/v1/customers/" + uuid + "/tiers/tier-1/verify", ADMIN_TOKEN, "");
        WebhookReceiver.Received afterRoll = receiver.await(request -> request.body().contains("\"verified\""));
        assertThat(afterRoll.header("Allawee-Signature")).isEqualTo(ReceiverSignatures.allawee(rolled, afterRoll.body()))
                .isNotEqualTo(ReceiverSignatures.allawee("my-own-signing-key-1234", afterRoll.body()));
    }

    @Test
    void anotherTenantsWebhooksAreNotFoundAndGetNothing() {
        String id = create(List.of("customer.created"), null).data().get("id").stringValue();
        api.post("/webhooks/" + id + "/enable", tenant.apiKey(), "{}");
        Tenant other = tenants.create();

        for (Response response : List.of(api.get("/webhooks/" + id, other.apiKey()), api.get("/webhooks/" + id + "/secret", other.apiKey()),
                api.post("/webhooks/" + id + "/disable", other.apiKey(), "{}"), api.delete("/webhooks/" + id, other.apiKey()))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
        }
        assertThat(api.get("/webhooks", other.apiKey()).data()).isEmpty();
        String stranger = api.post("/customers", other.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();
        String mine = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();
        receiver.await(request -> request.body().contains(mine));
        assertThat(receiver.received()).noneMatch(request -> request.body().contains(stranger));
    }

    private Response create(List<String> events, String signingKey) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("name", "Customer events", "events", events,
                "url", receiver.url("/hooks")));
        if (signingKey != null) {
            body.put("signingKey", signingKey);
        }
        return api.post("/webhooks", tenant.apiKey(), Json.write(body));
    }
}
