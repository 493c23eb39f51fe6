package dev.kyra.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import dev.kyra.support.Windows;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Decision D10 on both faces: the limits of a credential, told on every response and enforced with a
 * 429 in the face's shape; a platform's own limits; credentials counted apart.
 */
class RateLimitTest extends KyraIntegrationTest {

    @Test
    void everyResponseOfALimitedCredentialCarriesItsLimitsOnBothFaces() {
        Tenant tenant = tenants.create();
        long now = Instant.now().getEpochSecond();
        for (Response response : new Response[] {
                api.get("/api/external/customer?per_page=5", tenant.token()),
                api.get("/api/external/customer/01900000-0000-7000-8000-000000000000", tenant.token()),
                api.post("/api/external/customer", tenant.token(), "{}"),
                api.get("/customers", tenant.apiKey()),
                api.get("/customers/cus.nothing", tenant.apiKey()),
                tokenResponse(tenant)}) {
            assertThat(response.header("X-RateLimit-Limit")).as(response.toString()).isEqualTo("1200");
            assertThat(Long.parseLong(response.header("X-RateLimit-Remaining"))).as(response.toString()).isBetween(0L, 1199L);
            long reset = Long.parseLong(response.header("X-RateLimit-Reset"));
            assertThat(reset % 60).as("the end of a minute").isZero();
            assertThat(reset).isBetween(now, now + 121);
            assertThat(response.header("RateLimit-Policy")).isEqualTo("\"minute\";q=1200;w=60, \"hour\";q=36000;w=3600");
            assertThat(response.header("RateLimit")).matches("\"minute\";r=\\d+;t=\\d+, \"hour\";r=\\d+;t=\\d+");
        }
    }

    @Test
    void pastItsLimitACredentialGets429InEachFacesShapeAndChangesNothing() {
        Windows.minuteWithAtLeast(Duration.ofSeconds(15));
        Tenant tenant = tenants.create();
        tenants.changeSettings(tenant, Json.object("rate_limit_per_minute", 3, "rate_limit_per_hour", 100));
        // the client's token request was the first of its three
        for (int left = 1; left >= 0; left--) {
            Response allowed = api.get("/api/external/customer", tenant.token());
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(left));
        }
        Response refused = api.post("/api/external/customer", tenant.token(), Json.with(Customers.INDIVIDUAL, "email", "over@example.com"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("status").booleanValue()).isFalse();
        assertThat(refused.message()).contains("Rate limit exceeded");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.header("x-request-id")).isNotBlank();
        assertThat(customerCount(tenant)).as("the refused create wrote nothing").isZero();

        // the Allawee key of the same platform is another credential, with its own three
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/customers", tenant.apiKey()).status()).isEqualTo(200);
        }
        Response allawee = api.get("/customers", tenant.apiKey());
        assertThat(allawee.status()).isEqualTo(429);
        assertThat(allawee.json().get("code").stringValue()).isEqualTo("too-many-requests");
        assertThat(allawee.json().get("statusCode").intValue()).isEqualTo(429);
        assertThat(allawee.header("Retry-After")).isNotBlank();
        // and a second key of the platform counts apart from the first
        String another = tenants.apiKey(tenant.platformId(), "test", java.util.List.of("customers:read"));
        assertThat(api.get("/customers", another).status()).isEqualTo(200);
    }

    @Test
    void theHourlyLimitBindsWhenItIsTheSmaller() {
        Windows.minuteWithAtLeast(Duration.ofSeconds(15)); // and so the hour too
        Tenant tenant = tenants.create();
        tenants.changeSettings(tenant, Json.object("rate_limit_per_minute", 100, "rate_limit_per_hour", 2));
        Response first = api.get("/customers", tenant.apiKey());
        assertThat(first.header("X-RateLimit-Limit")).as("the per-minute maximum").isEqualTo("100");
        assertThat(first.header("X-RateLimit-Remaining")).as("what is left before a 429").isEqualTo("1");
        assertThat(Long.parseLong(first.header("X-RateLimit-Reset")) % 3600).as("the end of the hour").isZero();
        api.get("/customers", tenant.apiKey());
        Response refused = api.get("/customers", tenant.apiKey());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).as("until the hour ends").isBetween(1L, 3600L);
    }

    @Test
    void aPlatformWithoutLimitsGetsNoHeadersAndBadLimitsAreRefused() {
        Tenant tenant = tenants.create();
        Response settings = api.patch("/admin/v1/platforms/" + tenant.platformId(), ADMIN_TOKEN,
                Json.object("rate_limit_per_minute", 0, "rate_limit_per_hour", 0));
        assertThat(settings.data().get("rate_limit_per_minute").intValue()).isZero();
        assertThat(settings.data().get("rate_limit_per_hour").intValue()).isZero();
        Response unlimited = api.get("/api/external/customer", tenant.token());
        assertThat(unlimited.status()).isEqualTo(200);
        assertThat(unlimited.header("X-RateLimit-Limit")).isNull();
        assertThat(unlimited.header("RateLimit")).isNull();

        for (String bad : new String[] {"{\"rate_limit_per_minute\": -1}", "{\"rate_limit_per_hour\": 1000000001}",
                "{\"rate_limit_per_minute\": 1e40}", "{\"rate_limit_per_minute\": \"10\"}", "{\"rate_limit_per_hour\": 1.5}"}) {
            Response refused = api.patch("/admin/v1/platforms/" + tenant.platformId(), ADMIN_TOKEN, bad);
            assertThat(refused.status()).as(bad + " → " + refused).isBetween(400, 422);
        }
        Response unchanged = api.get("/admin/v1/platforms/" + tenant.platformId(), ADMIN_TOKEN);
        assertThat(unchanged.data().get("rate_limit_per_minute").intValue()).isZero();
        assertThat(unchanged.data().get("rate_limit_per_hour").intValue()).isZero();
    }

    private Response tokenResponse(Tenant tenant) {
        return api.postForm("/oauth/token", Map.of("grant_type", "client_credentials", "client_id", tenant.clientId(),
                "client_secret", tenant.clientSecret(), "scope", "customer:read"));
    }
}
