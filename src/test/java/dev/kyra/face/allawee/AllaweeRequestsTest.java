package dev.kyra.face.allawee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.database.Retention;
import dev.kyra.support.Customers;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;

/** Decision A18: GET /requests and /requests/:id show the caller's platform-and-mode requests, without bodies or queries. */
class AllaweeRequestsTest extends KyraIntegrationTest {

    @Autowired
    @Qualifier("requestLogRetention")
    Retention retention;

    @Test
    void eachRequestIsLoggedWithItsOutcomeAndNothingPersonal() {
        Tenant tenant = tenants.create();
        Instant before = Instant.now().minusSeconds(1);
        Response created = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL);
        assertThat(created.status()).isEqualTo(201);
        Response searched = api.get("/customers?filter=" + encode("claims.individualInformation.email||EQ||ada@example.com"),
                tenant.apiKey());
        Response versioned = api.send(api.request("/customers/cus.11111111111111111", tenant.apiKey())
                .header("Allawee-Version", "2023-02-01").GET());
        assertThat(versioned.status()).isEqualTo(404);
        awaitLogged(tenant.apiKey(), created.header("x-request-id"), searched.header("x-request-id"),
                versioned.header("x-request-id"));

        Response one = api.get("/requests/" + created.header("x-request-id"), tenant.apiKey());
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        JsonNode record = one.data();
        assertThat(record.get("id").stringValue()).isEqualTo(created.header("x-request-id"));
        assertThat("req." + record.get("_id").stringValue()).isEqualTo(record.get("id").stringValue());
        assertThat(record.get("object").stringValue()).isEqualTo("request");
        assertThat(record.get("method").stringValue()).isEqualTo("POST");
        assertThat(record.get("path").stringValue()).isEqualTo("/customers");
        assertThat(record.get("apiVersion").stringValue()).isEqualTo("2025-06-01");
        assertThat(record.get("status").stringValue()).isEqualTo("completed");
        assertThat(record.get("attempts")).hasSize(1);
        assertThat(record.get("attempts").get(0).get("statusCode").intValue()).isEqualTo(201);
        assertThat(record.get("attempts").get(0).get("latency").intValue()).isNotNegative();
        assertThat(record.get("source").get("ipAddress").stringValue()).isEqualTo("127.0.0.1");
        assertThat(Instant.parse(record.get("createdAt").stringValue())).isAfter(before);
        assertThat(one.body()).as("no body is kept").doesNotContain("Ada").doesNotContain("requestBody");

        JsonNode search = api.get("/requests/" + searched.header("x-request-id"), tenant.apiKey()).data();
        assertThat(search.get("path").stringValue()).as("no query string").isEqualTo("/customers");
        assertThat(api.get("/requests/" + searched.header("x-request-id"), tenant.apiKey()).body()).doesNotContain("ada@");
        JsonNode old = api.get("/requests/" + versioned.header("x-request-id"), tenant.apiKey()).data();
        assertThat(old.get("apiVersion").stringValue()).isEqualTo("2023-02-01");
        assertThat(old.get("attempts").get(0).get("statusCode").intValue()).isEqualTo(404);
    }

    @Test
    void theListTakesTheQueryLanguage() {
        Tenant tenant = tenants.create();
        String post = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).header("x-request-id");
        String list = api.get("/customers", tenant.apiKey()).header("x-request-id");
        String webhooks = api.get("/webhooks", tenant.apiKey()).header("x-request-id");
        awaitLogged(tenant.apiKey(), post, list, webhooks);

        assertThat(ids(api.get("/requests?filter=" + encode("method||EQ||POST"), tenant.apiKey()))).containsExactly(post);
        assertThat(ids(api.get("/requests?filter=" + encode("path||EQ||/webhooks"), tenant.apiKey()))).hasSize(1);
        assertThat(ids(api.get("/requests?filter=" + encode("statusCode||EQ||201"), tenant.apiKey()))).containsExactly(post);
        assertThat(ids(api.get("/requests?filter=" + encode("status||EQ||pending"), tenant.apiKey()))).isEmpty();
        assertThat(ids(api.get("/requests?filter=" + encode("createdAt||GT||2999-01-01T00:00:00Z"), tenant.apiKey()))).isEmpty();
        Response page = api.get("/requests?limit=1", tenant.apiKey());
        assertThat(ids(page)).hasSize(1);
        assertThat(page.json().get("metadata").get("hasMore").booleanValue()).isTrue();
        Response next = api.get("/requests?limit=1&after=" + ids(page).get(0), tenant.apiKey());
        assertThat(ids(next)).hasSize(1).doesNotContainAnyElementsOf(ids(page));
        assertThat(api.get("/requests?filter=" + encode("body||EQ||x"), tenant.apiKey()).status()).isEqualTo(400);
        assertThat(api.get("/requests?limit=1000", tenant.apiKey()).status()).isEqualTo(400);
    }

    @Test
    void aPlatformAndModeSeeOnlyTheirOwnRequests() {
        Tenant tenant = tenants.create();
        Tenant other = tenants.create();
        String mine = api.get("/customers", tenant.apiKey()).header("x-request-id");
        String live = tenants.apiKey(tenant.platformId(), "live", List.of("requests:read"));
        awaitLogged(tenant.apiKey(), mine);

        Response theirs = api.get("/requests/" + mine, other.apiKey());
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.json().get("code").stringValue()).isEqualTo("not-found");
        assertThat(api.get("/requests/" + mine, live).status()).isEqualTo(404);
        assertThat(ids(api.get("/requests", other.apiKey()))).doesNotContain(mine);
        assertThat(ids(api.get("/requests", live))).doesNotContain(mine);
        assertThat(ids(api.get("/requests", tenant.apiKey()))).contains(mine);
        // Blaaiz-face requests are not the Allawee face's log
        String blaaiz = api.get("/api/external/customer", tenant.token()).header("x-request-id");
        String after = api.get("/webhooks", tenant.apiKey()).header("x-request-id");
        awaitLogged(tenant.apiKey(), after);
        assertThat(ids(api.get("/requests", tenant.apiKey()))).contains(after).doesNotContain(blaaiz);
    }

    @Test
    void readingTheLogTakesTheRequestsReadScope() {
        Tenant tenant = tenants.create();
        String narrow = tenants.apiKey(tenant.platformId(), "test", List.of("customers:read"));
        Response refused = api.get("/requests", narrow);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.message()).contains("requests:read");
        awaitLogged(tenant.apiKey(), refused.header("x-request-id"));
        JsonNode logged = api.get("/requests/" + refused.header("x-request-id"), tenant.apiKey()).data();
        assertThat(logged.get("attempts").get(0).get("statusCode").intValue()).as("refusals are logged too").isEqualTo(403);
    }

    @Test
    void aPlatformMayKeepNoLog() {
        Tenant tenant = tenants.create();
        tenants.changeSettings(tenant, "{\"request_log\": false}");
        String unlogged = api.get("/customers", tenant.apiKey()).header("x-request-id");
        tenants.changeSettings(tenant, "{\"request_log\": true}");
        String logged = api.get("/customers", tenant.apiKey()).header("x-request-id");
        awaitLogged(tenant.apiKey(), logged);
        assertThat(api.get("/requests/" + unlogged, tenant.apiKey()).status()).isEqualTo(404);
        assertThat(api.get("/admin/v1/platforms/" + tenant.platformId(), ADMIN_TOKEN).data().get("request_log")
                .booleanValue()).isTrue();
    }

    @Test
    void recordsPastThirtyDaysArePruned() {
        Tenant tenant = tenants.create();
        String old = api.get("/customers", tenant.apiKey()).header("x-request-id");
        String recent = api.get("/webhooks", tenant.apiKey()).header("x-request-id");
        awaitLogged(tenant.apiKey(), old, recent);
        jdbc.sql("update api_requests set created_at = now() - interval '31 days' where id = :id").param("id", old).update();

        assertThat(retention.prune()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/requests/" + old, tenant.apiKey()).status()).isEqualTo(404);
        assertThat(api.get("/requests/" + recent, tenant.apiKey()).status()).isEqualTo(200);
    }

    /** The log is written after the answer, off the request path: a record shows up a moment later. */
    private void awaitLogged(String apiKey, String... requestIds) {
        for (String id : requestIds) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (api.get("/requests/" + id, apiKey).status() == 404) {
                assertThat(System.nanoTime()).as("request " + id + " logged").isLessThan(deadline);
                Thread.onSpinWait();
            }
        }
    }

    private static List<String> ids(Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return StreamSupport.stream(page.data().spliterator(), false).map(record -> record.get("id").stringValue()).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
