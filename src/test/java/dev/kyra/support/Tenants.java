package dev.kyra.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/** Creates tenants the way an operator would: through the admin API, then the token endpoint. */
public final class Tenants {

    public static final List<String> ALL_SCOPES = List.of("customer:read", "customer:write", "beneficiary:read", "file:upload",
            "virtual-account:read", "webhook:read", "webhook:write", "webhook:replay");
    public static final List<String> ALL_KEY_SCOPES = List.of("customers:read", "customers:write", "webhooks:read",
            "webhooks:write", "events:read", "events:retry", "requests:read");

    private final Api api;

    public Tenants(Api api) {
        this.api = api;
    }

    /** A new platform in test mode with a client holding every scope. */
    public Tenant create() {
        return create("Test platform");
    }

    public Tenant create(String name) {
        Response platform = api.post("/admin/v1/platforms", KyraIntegrationTest.ADMIN_TOKEN, Json.object("name", name));
        assertThat(platform.status()).as(platform.toString()).isEqualTo(201);
        return withClient(platform.data().get("id").stringValue(), "test", ALL_SCOPES);
    }

    /** Another client (another mode, or fewer scopes) on an existing platform. */
    public Tenant withClient(String platformId, String mode, List<String> scopes) {
        Response client = api.post("/admin/v1/platforms/" + platformId + "/oauth-clients", KyraIntegrationTest.ADMIN_TOKEN,
                Json.object("mode", mode, "scopes", scopes));
        assertThat(client.status()).as(client.toString()).isEqualTo(201);
        String clientId = client.data().get("client_id").stringValue();
        String secret = client.data().get("client_secret").stringValue();
        return new Tenant(platformId, clientId, secret, mode, token(clientId, secret, String.join(" ", scopes)),
                apiKey(platformId, mode, ALL_KEY_SCOPES));
    }

    /** An Allawee-face API key for a platform and mode. */
    public String apiKey(String platformId, String mode, List<String> scopes) {
        Response key = api.post("/admin/v1/platforms/" + platformId + "/api-keys", KyraIntegrationTest.ADMIN_TOKEN,
                Json.object("mode", mode, "scopes", scopes));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        return key.data().get("key").stringValue();
    }

    public void changeSettings(Tenant tenant, String settingsJson) {
        Response response = api.patch("/admin/v1/platforms/" + tenant.platformId(), KyraIntegrationTest.ADMIN_TOKEN, settingsJson);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    public String token(String clientId, String secret, String scope) {
        Response token = api.postForm("/oauth/token", Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret, "scope", scope));
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        return token.json().get("access_token").stringValue();
    }
}
