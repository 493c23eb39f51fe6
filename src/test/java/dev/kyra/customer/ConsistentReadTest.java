package dev.kyra.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Journeys;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A read sees a customer whole: an approval moves the customer and its owners in one transaction, so
 * no GET may show the customer verified beside owners still under review, or the reverse — as reads
 * made of several statements could, between them.
 */
class ConsistentReadTest extends KyraIntegrationTest {

    @Test
    void aReadDuringAnApprovalSeesTheCustomerAndItsOwnersFromOneMoment() throws Exception {
        Tenant tenant = tenants.create();
        Journeys journeys = new Journeys(api, tenant);
        List<String> businesses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Response created = api.post("/api/external/customer", tenant.token(),
                    dev.kyra.support.Json.with(Customers.COMPLETE_BUSINESS, "registration_number", "RC-READ-" + i));
            String id = created.data().get("id").stringValue();
            journeys.submitBusiness(id);
            businesses.add(id);
        }
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean deciding = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    while (deciding.get()) {
                        for (String id : businesses) {
                            seen.add(shape(api.get("/api/external/customer/" + id, tenant.token()).data()));
                        }
                    }
                    return null;
                }));
            }
            for (String id : businesses) {
                journeys.decide(id, "approve", null);
            }
            deciding.set(false);
            for (Future<?> reader : readers) {
                reader.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(seen).as("every read shows one moment: before the approval or after it")
                .isSubsetOf("PROCESSING owners PROCESSING,PROCESSING", "VERIFIED owners APPROVED,APPROVED");
        assertThat(seen).contains("VERIFIED owners APPROVED,APPROVED");
    }

    private static String shape(JsonNode customer) {
        return customer.get("verification_status").stringValue() + " owners " + customer.get("owners").valueStream()
                .map(owner -> owner.get("status").stringValue()).collect(Collectors.joining(","));
    }
}
