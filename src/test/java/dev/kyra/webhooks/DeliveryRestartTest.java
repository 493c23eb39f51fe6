package dev.kyra.webhooks;

import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Tenant;
import dev.kyra.support.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The delivery worker can be stopped and started again within one running Kyra (Spring stops and
 * restarts the lifecycle of a context it pauses, as its test support does): it delivers afterwards.
 */
class DeliveryRestartTest extends KyraIntegrationTest {

    @Autowired
    DeliveryWorker worker;

    @Test
    void aStoppedAndRestartedWorkerDeliversAgain() {
        Tenant tenant = tenants.create();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            api.post("/api/external/webhook", tenant.token(), Json.object("collection_url", receiver.url("/c"),
                    "payout_url", receiver.url("/p")));
            worker.stop();
            worker.start();

            String customer = api.post("/api/external/customer", tenant.token(), Customers.INDIVIDUAL).data().get("id").stringValue();

            receiver.await(request -> request.body().contains(customer));
        }
    }
}
