package dev.kyra.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.database.Retention;
import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import dev.kyra.support.TenantState;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** Decision D9 on both faces: a POST retried with its Idempotency-Key makes one change and gets the first answer. */
class IdempotencyTest extends KyraIntegrationTest {

    @Autowired
    @Qualifier("idempotencyKeyRetention")
    Retention retention;

    @Test
    void aRetriedBlaaizCreateGetsTheFirstAnswerAndMakesOneCustomerAndOneEvent() {
        Tenant tenant = tenants.create();
        String body = Json.with(Customers.INDIVIDUAL, "email", "once@example.com");
        Response first = post(tenant.token(), "/api/external/customer", "create-once", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header(IdempotencyFilter.REPLAYED)).isNull();

        Response again = post(tenant.token(), "/api/external/customer", "create-once", body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(again.header("x-request-id")).isNotEqualTo(first.header("x-request-id"));
        assertThat(customerCount(tenant)).isEqualTo(1);
        assertThat(events(first.data().get("id").stringValue(), "customer.created")).as("no second event").isEqualTo(1);
        byte[] kept = jdbc.sql("select body from idempotency_keys where platform_id = cast(:p as uuid)")
                .param("p", tenant.platformId()).query(byte[].class).single();
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).as("the kept answer is sealed")
                .doesNotContain("once@example.com").doesNotContain(first.data().get("id").stringValue());
    }

    @Test
    void aKeyUsedForAnotherRequestIs422InEachFacesShapeAndChangesNothing() {
        Tenant tenant = tenants.create();
        post(tenant.token(), "/api/external/customer", "reused", Json.with(Customers.INDIVIDUAL, "email", "a@example.com"));
        String before = TenantState.of(jdbc, tenant.platformId());

        Response blaaiz = post(tenant.token(), "/api/external/customer", "reused",
                Json.with(Customers.INDIVIDUAL, "email", "b@example.com"));
        assertThat(blaaiz.status()).isEqualTo(422);
        assertThat(blaaiz.json().get("status").booleanValue()).isFalse();
        assertThat(blaaiz.message()).isEqualTo("Idempotency-Key was already used with different parameters.");

        String body = Customers.ALLAWEE_INDIVIDUAL;
        assertThat(post(tenant.apiKey(), "/customers", "allawee-reused", body).status()).isEqualTo(201);
        before = TenantState.of(jdbc, tenant.platformId());
        Response allawee = post(tenant.apiKey(), "/customers", "allawee-reused", Json.with(body, "reference", "other"));
        assertThat(allawee.status()).isEqualTo(422);
        assertThat(allawee.json().get("code").stringValue()).isEqualTo("idempotency-key-reused");
        // the same body on another path is another request too
        Response otherPath = post(tenant.apiKey(), "/webhooks", "allawee-reused", body);
        assertThat(otherPath.status()).isEqualTo(422);
        assertThat(TenantState.of(jdbc, tenant.platformId())).isEqualTo(before);
    }

    @Test
    void aRefusedRequestKeepsNothingSoTheCorrectedOneCanUseTheKey() {
        Tenant tenant = tenants.create();
        Response refused = post(tenant.token(), "/api/external/customer", "fix-and-retry",
                Json.with(Customers.INDIVIDUAL, "email", "not-an-email"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(keptKeys(tenant)).isZero();

        Response corrected = post(tenant.token(), "/api/external/customer", "fix-and-retry",
                Json.with(Customers.INDIVIDUAL, "email", "fixed@example.com"));
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.header(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(customerCount(tenant)).isEqualTo(1);
    }

    @Test
    void aKeyOver255CharactersOrWithControlCharactersIs400AndWritesNothing() {
        Tenant tenant = tenants.create();
        String before = TenantState.of(jdbc, tenant.platformId());
        Response blaaiz = post(tenant.token(), "/api/external/customer", "k".repeat(256), Customers.INDIVIDUAL);
        assertThat(blaaiz.status()).isEqualTo(400);
        assertThat(blaaiz.json().get("status").booleanValue()).isFalse();
        Response allawee = post(tenant.apiKey(), "/customers", "k".repeat(256), Customers.ALLAWEE_INDIVIDUAL);
        assertThat(allawee.status()).isEqualTo(400);
        assertThat(allawee.json().get("code").stringValue()).isEqualTo("bad-request");
        Response tab = post(tenant.apiKey(), "/customers", "a\tb", Customers.ALLAWEE_INDIVIDUAL);
        assertThat(tab.status()).isEqualTo(400);
        assertThat(TenantState.of(jdbc, tenant.platformId())).isEqualTo(before);
        assertThat(post(tenant.apiKey(), "/customers", "k".repeat(255), Customers.ALLAWEE_INDIVIDUAL).status())
                .as("255 is allowed").isEqualTo(201);
        assertThat(customerCount(tenant)).isEqualTo(1);
    }

    @Test
    void manyParallelRequestsWithOneKeyMakeExactlyOneCustomer() throws Exception {
        Tenant tenant = tenants.create();
        String body = Json.with(Customers.INDIVIDUAL, "email", "parallel@example.com");
        int clients = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(tenant.token(), "/api/external/customer", "parallel", body);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }
            assertThat(responses).extracting(Response::status).containsOnly(201, 409);
            List<Response> created = responses.stream().filter(response -> response.status() == 201).toList();
            assertThat(created).isNotEmpty();
            assertThat(created).extracting(response -> response.data().get("id").stringValue()).containsOnly(
                    created.get(0).data().get("id").stringValue());
            responses.stream().filter(response -> response.status() == 409).forEach(conflict ->
                    assertThat(conflict.message()).contains("still being processed"));
        }
        assertThat(customerCount(tenant)).isEqualTo(1);
    }

    @Test
    void keysArePerPlatformAndMode() {
        Tenant tenant = tenants.create();
        Tenant other = tenants.create();
        Tenant live = tenants.withClient(tenant.platformId(), "live", dev.kyra.support.Tenants.ALL_SCOPES);
        String body = Json.with(Customers.INDIVIDUAL, "email", "scoped@example.com");
        String mine = post(tenant.token(), "/api/external/customer", "shared-key", body).data().get("id").stringValue();
        Response theirs = post(other.token(), "/api/external/customer", "shared-key", body);
        Response liveMode = post(live.token(), "/api/external/customer", "shared-key", body);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(liveMode.status()).isEqualTo(201);
        assertThat(theirs.header(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(liveMode.header(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(List.of(theirs.data().get("id").stringValue(), liveMode.data().get("id").stringValue())).doesNotContain(mine);
    }

    @Test
    void anExpiredKeyIsForgottenAndPruned() {
        Tenant tenant = tenants.create();
        String body = Json.with(Customers.INDIVIDUAL, "email", "expiring@example.com");
        String first = post(tenant.token(), "/api/external/customer", "expiring", body).data().get("id").stringValue();
        jdbc.sql("update idempotency_keys set created_at = now() - interval '25 hours' where platform_id = cast(:p as uuid)")
                .param("p", tenant.platformId()).update();

        Response later = post(tenant.token(), "/api/external/customer", "expiring",
                Json.with(Customers.INDIVIDUAL, "email", "expiring.again@example.com"));
        assertThat(later.status()).as("past 24 hours the key is new again").isEqualTo(201);
        assertThat(later.header(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(later.data().get("id").stringValue()).isNotEqualTo(first);
        assertThat(keptKeys(tenant)).as("the kept result replaced").isEqualTo(1);

        jdbc.sql("update idempotency_keys set created_at = now() - interval '25 hours' where platform_id = cast(:p as uuid)")
                .param("p", tenant.platformId()).update();
        assertThat(retention.prune()).isGreaterThanOrEqualTo(1);
        assertThat(keptKeys(tenant)).isZero();
    }

    @Test
    void otherPostsAndTheAllaweeFaceReplayToo() {
        Tenant tenant = tenants.create();
        Response created = post(tenant.apiKey(), "/customers", "allawee-create", Customers.ALLAWEE_INDIVIDUAL);
        Response replayed = post(tenant.apiKey(), "/customers", "allawee-create", Customers.ALLAWEE_INDIVIDUAL);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(replayed.body()).isEqualTo(created.body());
        assertThat(customerCount(tenant)).isEqualTo(1);

        String id = jdbc.sql("select id::text from customers where platform_id = cast(:p as uuid)")
                .param("p", tenant.platformId()).query(String.class).single();
        Response submitted = post(tenant.token(), "/api/external/customer/" + id + "/submit", "submit-once", "{}");
        Response resubmitted = post(tenant.token(), "/api/external/customer/" + id + "/submit", "submit-once", "{}");
        assertThat(resubmitted.status()).isEqualTo(submitted.status());
        assertThat(resubmitted.body()).isEqualTo(submitted.body());
        if (submitted.status() / 100 == 2) {
            assertThat(resubmitted.header(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        }
    }

    private long events(String customerId, String type) {
        return jdbc.sql("select count(*) from customer_events where customer_id = cast(:id as uuid) and type = :type")
                .param("id", customerId).param("type", type).query(Long.class).single();
    }

    private long keptKeys(Tenant tenant) {
        return jdbc.sql("select count(*) from idempotency_keys where platform_id = cast(:p as uuid)")
                .param("p", tenant.platformId()).query(Long.class).single();
    }

    private Response post(String token, String path, String key, String body) {
        return api.send(api.request(path, token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }
}
