package dev.kyra.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Journeys;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The paginated list's total is read from the counts the database keeps beside the customers
 * (migration V7). Customers created on both faces and moved through review in parallel must leave
 * those counts equal to the rows themselves.
 */
class CustomerCountsTest extends KyraIntegrationTest {

    private static final String PATH = "/api/external/customer";

    @Test
    void totalsMatchTheCustomersAfterParallelCreatesAndReviews() throws Exception {
        Tenant tenant = tenants.create();
        Journeys journeys = new Journeys(api, tenant);
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            int n = i;
            work.add(() -> {
                String id = created(api.post(PATH, tenant.token(),
                        Json.with(Customers.INDIVIDUAL, "email", "person" + n + "@example.com", "id_number", "ID-" + n)));
                switch (n % 3) {
                    case 0 -> journeys.verifyIndividual(id);
                    case 1 -> journeys.rejectIndividual(id, "The passport photo is blurred.");
                    default -> { } // stays PENDING
                }
                return null;
            });
        }
        for (int i = 0; i < 3; i++) {
            int n = i;
            work.add(() -> {
                created(api.post(PATH, tenant.token(), Json.with(Customers.BUSINESS, "registration_number", "RC-" + n)));
                return null;
            });
            work.add(() -> {
                created(api.post("/customers", tenant.apiKey(), Json.with(Customers.ALLAWEE_INDIVIDUAL, "reference", "ref-" + n)));
                return null;
            });
        }

        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        }

        assertThat(total(tenant, "")).isEqualTo(15);
        assertThat(total(tenant, "&type=business")).isEqualTo(3);
        assertThat(total(tenant, "&verification_status=VERIFIED")).isEqualTo(3);
        assertThat(total(tenant, "&verification_status=REJECTED")).isEqualTo(3);
        assertThat(total(tenant, "&type=individual&verification_status=PENDING")).isEqualTo(6);
        assertThat(total(tenant, "&type=business&verification_status=VERIFIED")).isZero();
        assertThat(countsTable(tenant)).isEqualTo(rows(tenant));
    }

    @Test
    void aCustomerDeletedByHandLeavesTheCountsToo() {
        Tenant tenant = tenants.create();
        String kept = created(api.post(PATH, tenant.token(), Customers.INDIVIDUAL));
        String deleted = created(api.post(PATH, tenant.token(), Customers.BUSINESS));

        jdbc.sql("delete from customers where id = cast(:id as uuid)").param("id", deleted).update();

        assertThat(total(tenant, "")).isEqualTo(1);
        assertThat(countsTable(tenant)).isEqualTo(rows(tenant)).containsOnlyKeys("individual PENDING");
        assertThat(api.get(PATH + "/" + kept, tenant.token()).status()).isEqualTo(200);
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.data().get("id").stringValue();
    }

    /** The paginated total, checked against the number of rows the unpaginated list returns. */
    private long total(Tenant tenant, String filters) {
        long total = api.get(PATH + "?paginate=true" + filters, tenant.token()).json().get("meta").get("total").longValue();
        assertThat(api.get(PATH + "?paginate=false" + filters, tenant.token()).data().size()).as(filters).isEqualTo((int) total);
        return total;
    }

    private Map<String, Long> countsTable(Tenant tenant) {
        return jdbc.sql("""
                        select type || ' ' || verification_status as kind, sum(customers) as n from customer_counts
                        where platform_id = :platform group by type, verification_status having sum(customers) <> 0""")
                .param("platform", UUID.fromString(tenant.platformId()))
                .query((row, i) -> Map.entry(row.getString("kind"), row.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<String, Long> rows(Tenant tenant) {
        return jdbc.sql("""
                        select type || ' ' || verification_status as kind, count(*) as n from customers
                        where platform_id = :platform group by type, verification_status""")
                .param("platform", UUID.fromString(tenant.platformId()))
                .query((row, i) -> Map.entry(row.getString("kind"), row.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
