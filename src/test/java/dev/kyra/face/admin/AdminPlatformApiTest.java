package dev.kyra.face.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.platform.Secrets;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Platforms and OAuth clients on the admin API, guarded by the admin token only. */
class AdminPlatformApiTest extends KyraIntegrationTest {

    private static final String PLATFORMS = "/admin/v1/platforms";

    @Test
    void createsAPlatformWithEverySettingOff() {
        Response response = api.post(PLATFORMS, ADMIN_TOKEN, Json.object("name", "Acme Pay"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode platform = response.data();
        assertThat(platform.get("id").stringValue()).isNotBlank();
        assertThat(platform.get("name").stringValue()).isEqualTo("Acme Pay");
        assertThat(platform.get("is_default").booleanValue()).isFalse();
        assertThat(platform.get("minimal_kyb_allowed").booleanValue()).isFalse();
        assertThat(platform.get("auto_verify_business_customers").booleanValue()).isFalse();
        assertThat(platform.get("auto_verify_individuals").booleanValue()).isFalse();
    }

    @Test
    void listsPlatformsWithTheDefaultOneCreatedOnFirstStart() {
        String created = api.post(PLATFORMS, ADMIN_TOKEN, Json.object("name", "Listed")).data().get("id").stringValue();

        JsonNode platforms = api.get(PLATFORMS, ADMIN_TOKEN).data();

        assertThat(platforms.valueStream().map(p -> p.get("id").stringValue())).contains(created);
        assertThat(platforms.valueStream().filter(p -> p.get("is_default").booleanValue())).hasSize(1);
    }

    @Test
    void patchChangesOnlyTheSettingsSent() {
        String id = api.post(PLATFORMS, ADMIN_TOKEN, Json.object("name", "Settings")).data().get("id").stringValue();

        JsonNode patched = api.patch(PLATFORMS + "/" + id, ADMIN_TOKEN, Json.object("minimal_kyb_allowed", true)).data();
        JsonNode again = api.patch(PLATFORMS + "/" + id, ADMIN_TOKEN, Json.object("auto_verify_individuals", true)).data();

        assertThat(patched.get("minimal_kyb_allowed").booleanValue()).isTrue();
        assertThat(again.get("minimal_kyb_allowed").booleanValue()).isTrue();
        assertThat(again.get("auto_verify_individuals").booleanValue()).isTrue();
        assertThat(again.get("auto_verify_business_customers").booleanValue()).isFalse();
        assertThat(api.get(PLATFORMS + "/" + id, ADMIN_TOKEN).data()).isEqualTo(again);
    }

    @Test
    void createsAnOAuthClientWhoseSecretIsShownOnceAndStoredAsAHash() {
        String id = api.post(PLATFORMS, ADMIN_TOKEN, Json.object("name", "Clients")).data().get("id").stringValue();

        Response response = api.post(PLATFORMS + "/" + id + "/oauth-clients", ADMIN_TOKEN,
                Json.object("mode", "live", "scopes", List.of("customer:read")));

        assertThat(response.status()).isEqualTo(201);
        JsonNode client = response.data();
        assertThat(client.propertyNames()).containsExactly("client_id", "client_secret", "mode", "scopes");
        assertThat(client.get("mode").stringValue()).isEqualTo("live");
        String secret = client.get("client_secret").stringValue();
        assertThat(secret).hasSize(44);
        byte[] stored = jdbc.sql("select secret_sha256 from oauth_clients where client_id = :id")
                .param("id", client.get("client_id").stringValue()).query(byte[].class).single();
        assertThat(stored).isEqualTo(Secrets.sha256(secret));
        String everyColumn = jdbc.sql("select oauth_clients::text from oauth_clients where client_id = :id")
                .param("id", client.get("client_id").stringValue()).query(String.class).single();
        assertThat(everyColumn).doesNotContain(secret);
    }

    @Test
    void invalidRequestsAre422AndWriteNothing() {
        long before = platformCount();
        assertInvalid(api.post(PLATFORMS, ADMIN_TOKEN, "{}"), "name is required: a string of 1 to 200 characters.");
        assertInvalid(api.post(PLATFORMS, ADMIN_TOKEN, Json.object("name", "x".repeat(201))),
                "name is required: a string of 1 to 200 characters.");
        assertThat(platformCount()).isEqualTo(before);

        String id = api.post(PLATFORMS, ADMIN_TOKEN, Json.object("name", "Valid")).data().get("id").stringValue();
        assertInvalid(api.post(PLATFORMS + "/" + id + "/oauth-clients", ADMIN_TOKEN, Json.object("mode", "prod",
                "scopes", List.of("customer:read"))), "mode is required: test or live.");
        assertInvalid(api.post(PLATFORMS + "/" + id + "/oauth-clients", ADMIN_TOKEN, Json.object("mode", "test",
                "scopes", List.of("full-access"))), "scopes may contain only customer:read, customer:write, beneficiary:read, file:upload, "
                + "virtual-account:read, webhook:read, webhook:write, webhook:replay.");
        assertThat(jdbc.sql("select count(*) from oauth_clients where platform_id = cast(:id as uuid)").param("id", id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSettingOfTheWrongTypeOrAnUnknownSettingIs400NamingItAndChangesNothing() {
        String id = api.post(PLATFORMS, ADMIN_TOKEN, Json.object("name", "Settings")).data().get("id").stringValue();
        String before = dev.kyra.support.TenantState.of(jdbc, id);

        Response wrongType = api.patch(PLATFORMS + "/" + id, ADMIN_TOKEN, "{\"minimal_kyb_allowed\": \"junk\"}");
        Response unknown = api.patch(PLATFORMS + "/" + id, ADMIN_TOKEN,
                "{\"auto_verify_individuals\": true, \"auto_verify_everything\": true}");

        assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(400);
        assertThat(wrongType.json().get("code").stringValue()).isEqualTo("invalid-request");
        assertThat(wrongType.message()).isEqualTo("minimal_kyb_allowed must be true or false.");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.message()).startsWith("Unknown setting auto_verify_everything;");
        assertThat(dev.kyra.support.TenantState.of(jdbc, id)).as("the valid setting beside it was not applied either")
                .isEqualTo(before);
    }

    @Test
    void anUnknownPlatformIs404() {
        Response response = api.patch(PLATFORMS + "/01a1fc98-c780-7086-a3be-c27012f8b5ae", ADMIN_TOKEN,
                Json.object("minimal_kyb_allowed", true));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json()).isEqualTo(Json.parse("{\"code\": \"not-found\", \"message\": \"Platform not found.\"}"));
        assertThat(api.get(PLATFORMS + "/not-a-uuid", ADMIN_TOKEN).status()).isEqualTo(404);
    }

    @Test
    void everyAdminEndpointNeedsTheAdminToken() {
        assertThat(api.get(PLATFORMS, null).status()).isEqualTo(401);
        assertThat(api.get(PLATFORMS, "wrong-token").status()).isEqualTo(401);
        Response refused = api.post(PLATFORMS, "wrong-token", Json.object("name", "Nope"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").stringValue()).isEqualTo("unauthorized");
    }

    private long platformCount() {
        return jdbc.sql("select count(*) from platforms").query(Long.class).single();
    }

    private static void assertInvalid(Response response, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("code").stringValue()).isEqualTo("validation-error");
        assertThat(response.message()).isEqualTo(message);
    }
}
