package dev.kyra.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.database.Retention;
import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Tenant;
import dev.kyra.support.WebhookReceiver;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** Deliveries, with their attempts, are forgotten after the retention (90 days); younger ones and the events stay. */
class DeliveryRetentionTest extends KyraIntegrationTest {

    @Autowired
    @Qualifier("deliveryRetention")
    Retention retention;

    @Test
    void deliveriesPastRetentionArePrunedWithTheirAttempts() {
        Tenant tenant = tenants.create();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            api.post("/api/external/webhook", tenant.token(), Json.object("collection_url", receiver.url("/c"),
                    "payout_url", receiver.url("/p")));
            String old = api.post("/api/external/customer", tenant.token(), Json.with(Customers.INDIVIDUAL, "email", "old@example.com"))
                    .data().get("id").stringValue();
            String recent = api.post("/api/external/customer", tenant.token(), Json.with(Customers.INDIVIDUAL, "email", "new@example.com"))
                    .data().get("id").stringValue();
            receiver.await(request -> request.body().contains(old));
            receiver.await(request -> request.body().contains(recent));
            awaitAttempts(old);
            jdbc.sql("""
                            update webhook_deliveries set created_at = now() - interval '91 days'
                            where event_id in (select id from customer_events where customer_id = cast(:customer as uuid))""")
                    .param("customer", old).update();

            assertThat(retention.prune()).isEqualTo(1);

            assertThat(deliveries(old)).isZero();
            assertThat(deliveries(recent)).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from webhook_attempts a where not exists "
                    + "(select 1 from webhook_deliveries d where d.id = a.delivery_id)").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from customer_events where customer_id = cast(:customer as uuid)")
                    .param("customer", old).query(Long.class).single()).as("the history stays").isPositive();
        }
    }

    private long deliveries(String customer) {
        return jdbc.sql("""
                        select count(*) from webhook_deliveries
                        where event_id in (select id from customer_events where customer_id = cast(:customer as uuid))""")
                .param("customer", UUID.fromString(customer)).query(Long.class).single();
    }

    private void awaitAttempts(String customer) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (jdbc.sql("""
                        select count(*) from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id
                        where d.event_id in (select id from customer_events where customer_id = cast(:customer as uuid))""")
                .param("customer", UUID.fromString(customer)).query(Long.class).single() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no attempt was logged");
            }
            Thread.onSpinWait();
        }
    }
}
