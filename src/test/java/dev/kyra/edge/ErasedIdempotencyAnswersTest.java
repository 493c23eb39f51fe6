package dev.kyra.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Erasure reaches the answers kept under idempotency keys (decision D11): those that render the
 * erased customer, on either face, are dropped with it; another customer's stay and still replay.
 */
class ErasedIdempotencyAnswersTest extends KyraIntegrationTest {

    @Test
    void theErasedCustomersKeptAnswersGoAndOthersStay() {
        Tenant tenant = tenants.create();
        Response allawee = post(tenant.apiKey(), "/customers", "erase-allawee", Customers.ALLAWEE_INDIVIDUAL);
        Response blaaiz = post(tenant.token(), "/api/external/customer", "erase-blaaiz", Customers.INDIVIDUAL);
        Response other = post(tenant.token(), "/api/external/customer", "keep-blaaiz",
                Json.with(Customers.INDIVIDUAL, "email", "keep@example.com"));
        String allaweeUuid = jdbc.sql("select id::text from customers where platform_id = cast(:p as uuid) and reference = 'ref-ciroma'")
                .param("p", tenant.platformId()).query(String.class).single();
        assertThat(kept(tenant)).containsExactlyInAnyOrder("erase-allawee", "erase-blaaiz", "keep-blaaiz");

        for (String id : List.of(allaweeUuid, blaaiz.data().get("id").stringValue())) {
            assertThat(api.delete("/admin/v1/customers/" + id + "/personal-data", ADMIN_TOKEN).status()).isEqualTo(200);
        }

        assertThat(kept(tenant)).as("by its Allawee id and by its UUID").containsExactly("keep-blaaiz");
        Response replayed = post(tenant.token(), "/api/external/customer", "keep-blaaiz",
                Json.with(Customers.INDIVIDUAL, "email", "keep@example.com"));
        assertThat(replayed.header(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(replayed.data().get("id").stringValue()).isEqualTo(other.data().get("id").stringValue());
        assertThat(allawee.status()).isEqualTo(201);
    }

    private List<String> kept(Tenant tenant) {
        return jdbc.sql("select key from idempotency_keys where platform_id = cast(:p as uuid)").param("p", tenant.platformId())
                .query(String.class).list();
    }

    private Response post(String token, String path, String key, String body) {
        Response response = api.send(api.request(path, token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }
}
