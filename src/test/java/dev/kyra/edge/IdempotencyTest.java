package dev.kyra.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.database.Retention;
import dev.kyra.platform.Mode;
import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import dev.kyra.support.TenantState;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** Decision D9 on both faces: a POST retried with its Idempotency-Key makes one change and gets the first answer. */
class IdempotencyTest extends KyraIntegrationTest {

    @Autowired
    @Qualifier("idempotencyKeyRetention")
    Retention retention;

    @Autowired
    IdempotencyKeys keys;

    @Autowired
    DataSource dataSource;

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

    /*
     * The race of IdempotencyKeys.keep: another request with the key commits its result after this
     * one's claim looked (and found none) but before this one keeps its own. Held up after its claim,
     * on a lock of the test's, the request meets a result kept meanwhile, as the other request's
     * commit would leave it; the first result stands and this request's change is rolled back. A
     * create keeps its result in the statement that writes its events at commit; a POST without
     * events in a statement of its own: both are shown.
     */
    @Test
    void aCreateThatMeetsAResultKeptMeanwhileAnswersItAndMakesNoCustomerAndNoEvent() throws Exception {
        Tenant tenant = tenants.create();
        byte[] first = "{\"first\":true}".getBytes(StandardCharsets.UTF_8);
        String countsOfTheTenant = """
                insert into customer_counts (platform_id, mode, type, verification_status, slot, customers)
                select cast('%s' as uuid), 'test', t, s, n, 0
                from unnest(array['individual', 'business']) t, unnest(array['PENDING', 'PROCESSING', 'VERIFIED', 'REJECTED']) s,
                     generate_series(0, 63) n""".formatted(tenant.platformId());

        Response answer = heldUpAfterItsClaim(countsOfTheTenant,
                () -> post(tenant.apiKey(), "/customers", "meanwhile", Customers.ALLAWEE_INDIVIDUAL),
                () -> keptMeanwhile(tenant, "meanwhile", "/customers", Customers.ALLAWEE_INDIVIDUAL, first));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.header(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(answer.body()).isEqualTo("{\"first\":true}");
        assertThat(customerCount(tenant)).as("the held-up create rolled back").isZero();
        assertThat(jdbc.sql("select count(*) from customer_events where platform_id = cast(:p as uuid)")
                .param("p", tenant.platformId()).query(Long.class).single()).as("and its events").isZero();
        assertThat(keptKeys(tenant)).isEqualTo(1);
    }

    @Test
    void aPostWithoutEventsThatMeetsAResultKeptMeanwhileAnswersItAndChangesNothing() throws Exception {
        Tenant tenant = tenants.create();
        byte[] first = "{\"first\":true}".getBytes(StandardCharsets.UTF_8);
        String webhook = Json.object("name", "held up", "events", List.of("customer.created"), "url", "http://127.0.0.1:9/hooks");

        Response answer = heldUpAfterItsClaim("lock table webhook_endpoints in share mode",
                () -> post(tenant.apiKey(), "/webhooks", "meanwhile-webhook", webhook),
                () -> keptMeanwhile(tenant, "meanwhile-webhook", "/webhooks", webhook, first));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.header(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(answer.body()).isEqualTo("{\"first\":true}");
        assertThat(jdbc.sql("select count(*) from webhook_endpoints where platform_id = cast(:p as uuid)")
                .param("p", tenant.platformId()).query(Long.class).single()).as("the held-up webhook rolled back").isZero();
        assertThat(keptKeys(tenant)).isEqualTo(1);
    }

    /**
     * Sends {@code request} while a transaction of the test's own, which ran {@code hold}, holds it up;
     * once it waits on that, runs {@code meanwhile}, then lets it go and returns its answer.
     */
    private Response heldUpAfterItsClaim(String hold, Callable<Response> request, Runnable meanwhile) throws Exception {
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            int holderPid;
            try (Statement statement = holder.createStatement()) {
                statement.execute(hold);
                try (ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
                    pid.next();
                    holderPid = pid.getInt(1);
                }
            }
            try (ExecutorService sender = Executors.newSingleThreadExecutor()) {
                Future<Response> answer = sender.submit(request);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (jdbc.sql("select count(*) from pg_stat_activity where :holder = any(pg_blocking_pids(pid))")
                        .param("holder", holderPid).query(Long.class).single() == 0) {
                    assertThat(answer.isDone()).as("the request waits for the test's lock").isFalse();
                    assertThat(System.nanoTime()).as("the request is held up").isLessThan(deadline);
                    Thread.sleep(10);
                }
                meanwhile.run();
                holder.rollback();
                return answer.get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** What another request's commit leaves under the key: its result, for the same request. */
    private void keptMeanwhile(Tenant tenant, String key, String path, String body, byte[] result) {
        dev.kyra.platform.Tenant owner = new dev.kyra.platform.Tenant(UUID.fromString(tenant.platformId()), Mode.TEST);
        byte[] fingerprint = IdempotencyFilter.fingerprint("POST", path, body.getBytes(StandardCharsets.UTF_8));
        assertThat(keys.keep(owner, key, new StoredResult(fingerprint, 201, "application/json", null, result))).isEmpty();
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
