package dev.kyra.face.blaaiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.platform.Secrets;
import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Blaaiz legacy key {@code x-blaaiz-api-key} (spec §2.3, decision B19), on the admin API and on use. */
class LegacyApiKeyTest extends KyraIntegrationTest {

    private static final String INVALID = "{\"status\": false, \"message\": \"Invalid or missing API key\"}";

    private Tenant tenant;
    private String keys;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
        keys = "/admin/v1/platforms/" + tenant.platformId() + "/legacy-api-keys";
    }

    @Test
    void aKeyIsShownOnceStoredAsAHashListedWithoutItAndRevoked() {
        Response created = api.post(keys, ADMIN_TOKEN, Json.object("mode", "test"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String key = created.data().get("key").stringValue();
        String id = created.data().get("id").stringValue();
        assertThat(created.data().get("mode").stringValue()).isEqualTo("test");
        assertThat(created.data().get("scopes").toString()).contains("customer:read", "customer:write", "beneficiary:read");

        JsonNode listed = api.get(keys, ADMIN_TOKEN).data();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").stringValue()).isEqualTo(id);
        assertThat(listed.get(0).has("key")).isFalse();
        assertThat(api.get("/admin/v1/platforms/" + tenant.platformId() + "/api-keys", ADMIN_TOKEN).data().toString())
                .as("not an Allawee key").doesNotContain(id);
        String row = jdbc.sql("select api_keys::text from api_keys where id = :id").param("id", id).query(String.class).single();
        assertThat(row).doesNotContain(key);
        assertThat(jdbc.sql("select key_sha256 from api_keys where id = :id").param("id", id).query(byte[].class).single())
                .isEqualTo(Secrets.sha256(key));

        assertThat(withKey("GET", "/api/external/customer", key, null).status()).isEqualTo(200);
        assertThat(api.delete(keys + "/" + id, ADMIN_TOKEN).status()).isEqualTo(204);
        Response revoked = withKey("GET", "/api/external/customer", key, null);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json()).isEqualTo(Json.parse(INVALID));
        assertThat(api.delete(keys + "/no-such-key", ADMIN_TOKEN).status()).isEqualTo(404);
        assertThat(api.post(keys, ADMIN_TOKEN, Json.object("mode", "prod")).status()).isEqualTo(422);
    }

    @Test
    void aKeyActsInItsOwnPlatformAndModeOnly() {
        String testKey = api.post(keys, ADMIN_TOKEN, Json.object("mode", "test")).data().get("key").stringValue();
        String liveKey = api.post(keys, ADMIN_TOKEN, Json.object("mode", "live")).data().get("key").stringValue();
        String id = withKey("POST", "/api/external/customer", testKey, Customers.INDIVIDUAL).data().get("id").stringValue();

        assertThat(withKey("GET", "/api/external/customer/" + id, testKey, null).status()).isEqualTo(200);
        assertThat(withKey("GET", "/api/external/customer/" + id, liveKey, null).status()).as("another mode").isEqualTo(404);
        Tenant other = tenants.create();
        String otherKey = api.post("/admin/v1/platforms/" + other.platformId() + "/legacy-api-keys", ADMIN_TOKEN,
                Json.object("mode", "test")).data().get("key").stringValue();
        assertThat(withKey("GET", "/api/external/customer/" + id, otherKey, null).status()).as("another platform")
                .isEqualTo(404);
    }

    @Test
    void aBadKeyIs401WithTheLegacyMessageAndABearerTokenWinsWhenBothAreSent() {
        Response bad = withKey("GET", "/api/external/customer", "blz.test.not-a-key", null);
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json()).isEqualTo(Json.parse(INVALID));
        assertThat(withKey("GET", "/api/external/customer", "", null).status()).isEqualTo(401);

        Tenant other = tenants.create();
        String otherKey = api.post("/admin/v1/platforms/" + other.platformId() + "/legacy-api-keys", ADMIN_TOKEN,
                Json.object("mode", "test")).data().get("key").stringValue();
        String mine = api.post("/api/external/customer", tenant.token(), Customers.INDIVIDUAL).data().get("id").stringValue();
        Response both = api.send(api.request("/api/external/customer/" + mine, tenant.token())
                .header("x-blaaiz-api-key", otherKey).GET());
        assertThat(both.status()).as("the token's tenant, not the key's").isEqualTo(200);
        Response badKeyGoodToken = api.send(api.request("/api/external/customer/" + mine, tenant.token())
                .header("x-blaaiz-api-key", "nonsense").GET());
        assertThat(badKeyGoodToken.status()).as("the key is not even looked at").isEqualTo(200);
    }

    @Test
    void aLegacyKeyOpensNothingButTheBlaaizFace() {
        String key = api.post(keys, ADMIN_TOKEN, Json.object("mode", "test")).data().get("key").stringValue();

        assertThat(api.get("/customers", key).status()).as("as an Allawee Bearer key").isEqualTo(401);
        assertThat(api.send(api.request("/customers", null).header("x-blaaiz-api-key", key).GET()).status())
                .as("as the legacy header on the Allawee face").isEqualTo(401);
        assertThat(api.get("/admin/v1/platforms", key).status()).isEqualTo(401);
        assertThat(api.send(api.request("/admin/v1/platforms", null).header("x-blaaiz-api-key", key).GET()).status())
                .isEqualTo(401);
        Response allaweeKeyAsLegacy = withKey("GET", "/api/external/customer", tenant.apiKey(), null);
        assertThat(allaweeKeyAsLegacy.status()).as("an Allawee key is no legacy key").isEqualTo(401);
    }

    private Response withKey(String method, String path, String key, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("x-blaaiz-api-key", key).header("Accept", "application/json")
                .header("Content-Type", "application/json");
        return api.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
    }
}
