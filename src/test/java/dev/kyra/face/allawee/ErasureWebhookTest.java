package dev.kyra.face.allawee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Tenant;
import dev.kyra.support.WebhookReceiver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Erasure and webhooks (decision D11): the bodies kept for the customer's earlier deliveries go with
 * its personal data, and {@code customer.erased} reaches the platform's webhooks, rendered from the
 * tombstone; another customer's kept bodies stay.
 */
class ErasureWebhookTest extends KyraIntegrationTest {

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void erasureDropsTheKeptBodiesAndIsDeliveredAsCustomerErased() {
        Tenant tenant = tenants.create();
        String webhook = api.post("/webhooks", tenant.apiKey(), Json.write(Map.of("name", "all", "url", receiver.url("/hooks"),
                "events", List.of("customer.created", "customer.updated", "customer.erased")))).data().get("id").stringValue();
        api.post("/webhooks/" + webhook + "/enable", tenant.apiKey(), "{}");
        String erased = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();
        String kept = api.post("/customers", tenant.apiKey(), Json.with(Customers.ALLAWEE_INDIVIDUAL, "reference", "kept"))
                .data().get("id").stringValue();
        receiver.await(request -> request.body().contains("\"customer.created\"") && request.body().contains(erased));
        receiver.await(request -> request.body().contains("\"customer.created\"") && request.body().contains(kept));
        String uuid = jdbc.sql("select id::text from customers where platform_id = cast(:platform as uuid) and reference = 'ref-ciroma'")
                .param("platform", tenant.platformId()).query(String.class).single();
        assertThat(keptBodies(uuid)).as("the created delivery's body is kept for replay").isEqualTo(1);

        assertThat(api.delete("/admin/v1/customers/" + uuid + "/personal-data", ADMIN_TOKEN).status()).isEqualTo(200);

        JsonNode delivered = Json.tree(receiver.await(request -> request.body().contains("\"customer.erased\"")).body());
        assertThat(delivered.get("data").get("id").stringValue()).isEqualTo(erased);
        assertThat(delivered.get("data").get("name").isNull()).as("rendered from the tombstone: " + delivered).isTrue();
        assertThat(delivered.toString()).doesNotContain("Ciroma").doesNotContain("22489035167").doesNotContain("ciroma@gmail.com");
        assertThat(jdbc.sql("""
                        select count(*) from webhook_deliveries d join customer_events e on e.id = d.event_id
                        where e.customer_id = cast(:id as uuid) and e.type <> 'customer.erased' and d.body is not null""")
                .param("id", uuid).query(Long.class).single()).as("no earlier body of it survives").isZero();
        String keptUuid = jdbc.sql("select id::text from customers where platform_id = cast(:platform as uuid) and reference = 'kept'")
                .param("platform", tenant.platformId()).query(String.class).single();
        assertThat(keptBodies(keptUuid)).as("another customer's bodies stay").isEqualTo(1);
    }

    private long keptBodies(String customerId) {
        return jdbc.sql("""
                        select count(*) from webhook_deliveries d join customer_events e on e.id = d.event_id
                        where e.customer_id = cast(:id as uuid) and d.body is not null""")
                .param("id", customerId).query(Long.class).single();
    }
}
