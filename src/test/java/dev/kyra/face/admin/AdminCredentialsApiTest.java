package dev.kyra.face.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import dev.kyra.support.Tenants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Listing, rotating and revoking credentials on the admin API. A rotated secret or a revoked client
 * ends the tokens already issued (Blaaiz spec §2.1); a revoked API key stops at once.
 */
class AdminCredentialsApiTest extends KyraIntegrationTest {

    private static final String CUSTOMERS = "/api/external/customer";

    private Tenant tenant;
    private String clients;
    private String keys;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
        clients = "/admin/v1/platforms/" + tenant.platformId() + "/oauth-clients";
        keys = "/admin/v1/platforms/" + tenant.platformId() + "/api-keys";
    }

    @Test
    void rotatingASecretEndsTheOldSecretAndItsTokens() {
        assertThat(api.get(CUSTOMERS, tenant.token()).status()).isEqualTo(200);

        Response rotated = api.post(clients + "/" + tenant.clientId() + "/rotate-secret", ADMIN_TOKEN, "");

        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        assertThat(rotated.data().propertyNames()).containsExactly("client_id", "client_secret", "mode", "scopes");
        String secret = rotated.data().get("client_secret").stringValue();
        assertThat(secret).isNotEqualTo(tenant.clientSecret());
        assertUnauthorized(api.get(CUSTOMERS, tenant.token()));
        assertThat(tokenRequest(tenant.clientSecret()).status()).isEqualTo(401);
        String fresh = tenants.token(tenant.clientId(), secret, String.join(" ", Tenants.ALL_SCOPES));
        assertThat(api.get(CUSTOMERS, fresh).status()).isEqualTo(200);
    }

    @Test
    void aRevokedClientGetsNoTokensAndItsTokensStop() {
        Response revoked = api.delete(clients + "/" + tenant.clientId(), ADMIN_TOKEN);

        assertThat(revoked.status()).isEqualTo(204);
        assertUnauthorized(api.get(CUSTOMERS, tenant.token()));
        Response token = tokenRequest(tenant.clientSecret());
        assertThat(token.status()).isEqualTo(401);
        assertThat(token.json().get("error").stringValue()).isEqualTo("invalid_client");
        JsonNode listed = api.get(clients, ADMIN_TOKEN).data().get(0);
        assertThat(listed.propertyNames()).containsExactly("client_id", "mode", "scopes", "created_at", "revoked_at");
        assertThat(listed.get("revoked_at").stringValue()).isNotBlank();
        assertThat(api.delete(clients + "/" + tenant.clientId(), ADMIN_TOKEN).status()).isEqualTo(204);
        assertThat(api.get(clients, ADMIN_TOKEN).data().get(0).get("revoked_at")).isEqualTo(listed.get("revoked_at"));
        assertNotFound(api.post(clients + "/" + tenant.clientId() + "/rotate-secret", ADMIN_TOKEN, ""), "OAuth client not found.");
    }

    @Test
    void aRevokedApiKeyStopsAtOnce() {
        assertThat(api.get("/customers", tenant.apiKey()).status()).isEqualTo(200);
        JsonNode listed = api.get(keys, ADMIN_TOKEN).data();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).propertyNames()).containsExactly("id", "mode", "scopes", "created_at", "revoked_at");
        assertThat(listed.get(0).get("revoked_at").isNull()).isTrue();

        Response revoked = api.delete(keys + "/" + listed.get(0).get("id").stringValue(), ADMIN_TOKEN);

        assertThat(revoked.status()).isEqualTo(204);
        Response refused = api.get("/customers", tenant.apiKey());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json()).isEqualTo(Json.parse(
                "{\"code\": \"unauthorized\", \"message\": \"Invalid Authorization Key\", \"statusCode\": 401}"));
        assertThat(api.get(keys, ADMIN_TOKEN).data().get(0).get("revoked_at").stringValue()).isNotBlank();
    }

    @Test
    void anotherPlatformsCredentialsAreNotFoundAndKeepWorking() {
        Tenant other = tenants.create();
        String otherKeyId = api.get("/admin/v1/platforms/" + other.platformId() + "/api-keys", ADMIN_TOKEN).data().get(0)
                .get("id").stringValue();

        assertNotFound(api.delete(clients + "/" + other.clientId(), ADMIN_TOKEN), "OAuth client not found.");
        assertNotFound(api.post(clients + "/" + other.clientId() + "/rotate-secret", ADMIN_TOKEN, ""), "OAuth client not found.");
        assertNotFound(api.delete(keys + "/" + otherKeyId, ADMIN_TOKEN), "API key not found.");
        assertNotFound(api.delete(keys + "/key.unknown", ADMIN_TOKEN), "API key not found.");
        assertNotFound(api.get("/admin/v1/platforms/" + java.util.UUID.randomUUID() + "/api-keys", ADMIN_TOKEN), "Platform not found.");

        assertThat(api.get(CUSTOMERS, other.token()).status()).isEqualTo(200);
        assertThat(api.get("/customers", other.apiKey()).status()).isEqualTo(200);
        assertThat(api.get("/admin/v1/platforms/" + other.platformId() + "/oauth-clients", ADMIN_TOKEN).data().get(0)
                .get("revoked_at").isNull()).isTrue();
    }

    @Test
    void onlyTheAdminTokenManagesCredentials() {
        assertThat(api.delete(clients + "/" + tenant.clientId(), tenant.token()).status()).isEqualTo(401);
        assertThat(api.delete(keys + "/anything", tenant.apiKey()).status()).isEqualTo(401);
        assertThat(api.get(CUSTOMERS, tenant.token()).status()).isEqualTo(200);
    }

    private Response tokenRequest(String secret) {
        return api.postForm("/oauth/token", Map.of("grant_type", "client_credentials", "client_id", tenant.clientId(),
                "client_secret", secret, "scope", String.join(" ", List.of("customer:read"))));
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.message()).isEqualTo("Invalid or missing access token");
    }

    private static void assertNotFound(Response response, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.json()).isEqualTo(Json.parse("{\"code\": \"not-found\", \"message\": \"" + message + "\"}"));
    }
}
