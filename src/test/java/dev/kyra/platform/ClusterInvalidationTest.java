package dev.kyra.platform;

import static dev.kyra.support.Eventually.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Api;
import dev.kyra.support.Json;
import dev.kyra.support.KyraInstance;
import dev.kyra.support.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Kyra nodes on one PostgreSQL agree at once: what one node revokes, rotates or changes, the
 * other stops remembering when the change commits, not a minute later when its memory expires. Each
 * check below waits at most ten seconds, a sixth of that minute.
 */
@Tag("standalone")
class ClusterInvalidationTest {

    private static final String ADMIN = KyraInstance.ADMIN_TOKEN;

    @TempDir
    static Path firstDir;

    @TempDir
    static Path secondDir;

    private static KyraInstance first;
    private static KyraInstance second;

    @BeforeAll
    static void startTwoNodes() {
        first = KyraInstance.start(firstDir, Map.of());
        second = first.secondNode(secondDir, Map.of());
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void aKeyRevokedOnOneNodeIsRefusedByTheOther() {
        String platform = platform();
        Response issued = first.api().post("/admin/v1/platforms/" + platform + "/api-keys", ADMIN,
                Json.object("mode", "test", "scopes", List.of("customers:read")));
        String key = issued.data().get("key").stringValue();
        assertThat(second.api().get("/customers", key).status()).as("the second node remembers the key").isEqualTo(200);
        assertThat(second.api().get("/customers", key).status()).isEqualTo(200);

        assertThat(first.api().delete("/admin/v1/platforms/" + platform + "/api-keys/" + issued.data().get("id").stringValue(),
                ADMIN).status()).isEqualTo(204);

        awaitTrue(() -> second.api().get("/customers", key).status() == 401, "the second node refuses the revoked key");
    }

    @Test
    void aRotatedSecretEndsTheOldTokensOnTheOtherNodeAndARevokedClientItsNewOnes() {
        String platform = platform();
        Response client = first.api().post("/admin/v1/platforms/" + platform + "/oauth-clients", ADMIN,
                Json.object("mode", "test", "scopes", List.of("customer:read")));
        String clientId = client.data().get("client_id").stringValue();
        String oldToken = token(first.api(), clientId, client.data().get("client_secret").stringValue());
        assertThat(second.api().get("/api/external/customer", oldToken).status()).isEqualTo(200);

        Response rotated = first.api().post("/admin/v1/platforms/" + platform + "/oauth-clients/" + clientId + "/rotate-secret",
                ADMIN, "{}");
        assertThat(rotated.status()).isEqualTo(200);
        awaitTrue(() -> second.api().get("/api/external/customer", oldToken).status() == 401,
                "the second node refuses a token issued with the old secret");

        String newToken = token(second.api(), clientId, rotated.data().get("client_secret").stringValue());
        assertThat(second.api().get("/api/external/customer", newToken).status()).isEqualTo(200);
        assertThat(first.api().delete("/admin/v1/platforms/" + platform + "/oauth-clients/" + clientId, ADMIN).status())
                .isEqualTo(204);
        awaitTrue(() -> second.api().get("/api/external/customer", newToken).status() == 401,
                "the second node refuses the revoked client's tokens");
    }

    @Test
    void aChangedPlatformSettingTakesEffectOnTheOtherNode() {
        String platform = platform();
        String key = first.api().post("/admin/v1/platforms/" + platform + "/api-keys", ADMIN,
                Json.object("mode", "test", "scopes", List.of("customers:read"))).data().get("key").stringValue();
        assertThat(second.api().get("/customers", key).header("X-RateLimit-Limit")).isEqualTo("1200");

        assertThat(first.api().patch("/admin/v1/platforms/" + platform, ADMIN, Json.object("rate_limit_per_minute", 700))
                .status()).isEqualTo(200);

        awaitTrue(() -> "700".equals(second.api().get("/customers", key).header("X-RateLimit-Limit")),
                "the second node applies the platform's new limit");
    }

    private static String platform() {
        return first.api().post("/admin/v1/platforms", ADMIN, Json.object("name", "Agreeing")).data().get("id").stringValue();
    }

    private static String token(Api api, String clientId, String secret) {
        Response token = api.postForm("/oauth/token", Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret, "scope", "customer:read"));
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        return token.json().get("access_token").stringValue();
    }
}
