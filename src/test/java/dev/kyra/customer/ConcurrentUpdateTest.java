package dev.kyra.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import tools.jackson.databind.JsonNode;

/**
 * Parallel partial updates of different fields of one customer: every one of them must survive. A
 * read-modify-write without a lock would let the last writer erase the others.
 */
class ConcurrentUpdateTest extends KyraIntegrationTest {

    private static final Map<String, String> FIELDS = Map.of(
            "street", "12 Admiralty Way", "city", "Ikeja", "state", "Lagos", "zip_code", "100001",
            "tin", "TIN-778899", "phone", "+2348012345678", "dob", "1990-05-17", "id_issue_date", "2020-01-15",
            "id_expiry_date", "2031-01-15", "last_name", "Doe-Smith");

    @RepeatedTest(3)
    void parallelPutsOfDifferentFieldsAllSurvive() throws Exception {
        Tenant tenant = tenants.create();
        Response created = api.post("/api/external/customer", tenant.token(), Customers.INDIVIDUAL);
        String path = "/api/external/customer/" + created.data().get("id").stringValue();
        CyclicBarrier start = new CyclicBarrier(FIELDS.size());
        List<Callable<Integer>> writers = new ArrayList<>();
        FIELDS.forEach((field, value) -> writers.add(() -> {
            start.await();
            return api.put(path, tenant.token(), Json.object(field, value)).status();
        }));

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(FIELDS.size())) {
            for (Future<Integer> result : pool.invokeAll(writers)) {
                statuses.add(result.get());
            }
        }

        assertThat(statuses).containsOnly(200);
        JsonNode data = api.get(path, tenant.token()).data();
        FIELDS.forEach((field, value) -> {
            JsonNode node = data.has(field) ? data.get(field) : data.get("kyc_data").get(field);
            assertThat(node.stringValue()).as(field).isEqualTo(value);
        });
        long version = jdbc.sql("select version from customers where id = cast(:id as uuid)")
                .param("id", created.data().get("id").stringValue()).query(Long.class).single();
        assertThat(version).as("one version per write").isEqualTo(1 + FIELDS.size());
    }
}
