package dev.kyra.face.allawee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.platform.Secrets;
import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import dev.kyra.support.Tenants;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** API keys, their four 401 messages (allawee.md §1.3), scopes (A15) and modes (D2). */
class AllaweeAuthTest extends KyraIntegrationTest {

    private Tenant tenant;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
    }

    @Test
    void eachBadAuthorizationHasItsOwnMessage() {
        assertUnauthorized(api.get("/customers", null), "Authorization Required");
        assertUnauthorized(withHeader("Bearer"), "Authorization Required");
        assertUnauthorized(withHeader("Basic " + tenant.apiKey()), "Invalid Authorization Type");
        assertUnauthorized(withHeader("Bearer not-a-key"), "Malformed Authorization Key");
        assertUnauthorized(withHeader("Bearer sk.prod." + "1".repeat(40)), "Malformed Authorization Key");
        assertUnauthorized(withHeader("Bearer sk.test." + "2".repeat(44)), "Invalid Authorization Key");
    }

    @Test
    void credentialsOfOtherFacesAreNotKeys() {
        assertUnauthorized(api.get("/customers", tenant.token()), "Malformed Authorization Key");
        assertUnauthorized(api.get("/customers", ADMIN_TOKEN), "Malformed Authorization Key");
        assertThat(api.get("/api/external/customer", tenant.apiKey()).status()).isEqualTo(401);
        assertThat(api.get("/admin/v1/platforms", tenant.apiKey()).status()).isEqualTo(401);
    }

    @Test
    void aKeyWithoutTheScopeIsForbidden() {
        String readOnly = tenants.apiKey(tenant.platformId(), "test", List.of("customers:read"));

        Response response = api.post("/customers", readOnly, Customers.ALLAWEE_INDIVIDUAL);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json()).isEqualTo(Json.parse(
                "{\"code\": \"forbidden\", \"message\": \"This key lacks the customers:write scope.\", \"statusCode\": 403}"));
        assertThat(api.get("/customers", readOnly).status()).isEqualTo(200);
        assertThat(customerCount(tenant)).isZero();
    }

    @Test
    void theAdminApiCreatesKeysThatAreShownOnceAndStoredAsHashes() {
        Response response = api.post("/admin/v1/platforms/" + tenant.platformId() + "/api-keys", ADMIN_TOKEN,
                Json.object("mode", "live", "scopes", List.of("customers:read", "events:read")));

        assertThat(response.status()).isEqualTo(201);
        JsonNode key = response.data();
        assertThat(key.propertyNames()).containsExactly("id", "key", "mode", "scopes");
        assertThat(key.get("key").stringValue()).matches("sk\\.live\\.[1-9A-HJ-NP-Za-km-z]{44}");
        assertThat(key.get("mode").stringValue()).isEqualTo("live");
        byte[] stored = jdbc.sql("select key_sha256 from api_keys where id = :id").param("id", key.get("id").stringValue())
                .query(byte[].class).single();
        assertThat(stored).isEqualTo(Secrets.sha256(key.get("key").stringValue()));
        assertThat(jdbc.sql("select api_keys::text from api_keys where id = :id").param("id", key.get("id").stringValue())
                .query(String.class).single()).doesNotContain(key.get("key").stringValue());
        Response unknownScope = api.post("/admin/v1/platforms/" + tenant.platformId() + "/api-keys", ADMIN_TOKEN,
                Json.object("mode", "test", "scopes", List.of("customer:read")));
        assertThat(unknownScope.status()).isEqualTo(422);
    }

    @Test
    void aTestKeyNeverSeesLiveDataAndTheOtherWayRound() {
        String live = tenants.apiKey(tenant.platformId(), "live", Tenants.ALL_KEY_SCOPES);
        String testId = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();
        String liveId = api.post("/customers", live, Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();

        assertThat(api.get("/customers/" + testId, live).status()).isEqualTo(404);
        assertThat(api.get("/customers/" + liveId, tenant.apiKey()).status()).isEqualTo(404);
        assertThat(api.put("/customers/" + testId, live, Json.object("name", "Mallory")).status()).isEqualTo(404);
        assertThat(api.get("/customers", live).data()).hasSize(1);
        assertThat(api.get("/customers", live).data().get(0).get("id").stringValue()).isEqualTo(liveId);
        assertThat(api.get("/customers/" + testId, tenant.apiKey()).data().get("name").stringValue()).isEqualTo("Ciroma C Adekunle");
    }

    @Test
    void anotherPlatformsCustomerIsNotFound() {
        String id = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();
        String stranger = tenants.create().apiKey();

        assertThat(api.get("/customers/" + id, stranger).status()).isEqualTo(404);
        assertThat(api.put("/customers/" + id, stranger, Json.object("name", "Mallory")).status()).isEqualTo(404);
        assertThat(api.get("/customers/" + id, tenant.apiKey()).data().get("name").stringValue()).isEqualTo("Ciroma C Adekunle");
    }

    private Response withHeader(String authorization) {
        return api.send(HttpRequest.newBuilder(java.net.URI.create(api.baseUrl() + "/customers"))
                .header("Authorization", authorization).GET());
    }

    private static void assertUnauthorized(Response response, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.json()).isEqualTo(Json.parse(
                "{\"code\": \"unauthorized\", \"message\": \"" + message + "\", \"statusCode\": 401}"));
    }
}
