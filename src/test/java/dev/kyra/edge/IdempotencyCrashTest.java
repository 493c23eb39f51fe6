package dev.kyra.edge;

import static dev.kyra.support.ChildProcesses.awaitHealthy;
import static dev.kyra.support.ChildProcesses.freePort;
import static dev.kyra.support.ChildProcesses.javaCommand;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.platform.Mode;
import dev.kyra.platform.Tenant;
import dev.kyra.support.Api;
import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraInstance;
import dev.kyra.support.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kyra killed with SIGKILL while creates with Idempotency-Keys are in flight: after the restart every
 * kept key has its customer and every customer its key, and retrying each request with its key makes
 * each customer exactly once, replaying the ones that were made before the kill.
 */
@Tag("standalone")
class IdempotencyCrashTest {

    private static final int REQUESTS = 40;
    private static final String CLIENT = "crash-client";
    private static final String SECRET = "crash-secret-long-enough";

    @TempDir
    Path dataDir;

    @Test
    void aKilledKyraLeavesNoChangeWithoutItsKeyAndNoKeyWithoutItsChange() throws Exception {
        int port = freePort();
        Process kyra = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                "dev.kyra.KyraApplication", "--server.port=" + port, "--kyra.data-dir=" + dataDir.toAbsolutePath(),
                "--kyra.admin-token=" + KyraInstance.ADMIN_TOKEN, "--kyra.bootstrap.client-id=" + CLIENT,
                "--kyra.bootstrap.client-secret=" + SECRET).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("kyra.log").toFile()).start();
        Map<String, Integer> answeredBeforeTheKill = new HashMap<>();
        try {
            Api api = new Api(port);
            awaitHealthy(api, kyra);
            String token = token(api);
            HttpClient client = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                inFlight.add(client.sendAsync(create(api, token, i), HttpResponse.BodyHandlers.ofString()));
            }
            CompletableFuture.anyOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            kyra.destroyForcibly().waitFor(); // SIGKILL with requests in every stage: not begun, mid-change, committed, answered
            for (int i = 0; i < REQUESTS; i++) {
                CompletableFuture<HttpResponse<String>> answer = inFlight.get(i);
                if (answer.isDone() && !answer.isCompletedExceptionally()) {
                    answeredBeforeTheKill.put(key(i), answer.get().statusCode());
                }
            }
        } finally {
            kyra.destroyForcibly().waitFor();
        }

        try (KyraInstance restarted = KyraInstance.start(dataDir, Map.of("kyra.bootstrap.client-id", CLIENT,
                "kyra.bootstrap.client-secret", SECRET))) {
            JdbcClient jdbc = restarted.bean(JdbcClient.class);
            Map<String, String> customersByEmail = new HashMap<>();
            jdbc.sql("select profile->>'email', id::text from customers").query((row, n) ->
                    customersByEmail.put(row.getString(1), row.getString(2))).list();
            Map<String, String> keptCustomerByKey = new HashMap<>();
            IdempotencyKeys keys = restarted.bean(IdempotencyKeys.class);
            // the bootstrap client's tenant: the default platform, in test mode
            Tenant tenant = new Tenant(jdbc.sql("select id from platforms where is_default").query(UUID.class).single(),
                    Mode.TEST);
            jdbc.sql("select key from idempotency_keys").query((row, n) -> row.getString(1)).list().forEach(key ->
                    keptCustomerByKey.put(key, Json.tree(new String(keys.kept(tenant, key).orElseThrow().body(),
                            StandardCharsets.UTF_8)).get("data").get("id").stringValue()));
            for (int i = 0; i < REQUESTS; i++) {
                assertThat(keptCustomerByKey.get(key(i))).as("the kept answer of %s names its customer, and only if it exists",
                        key(i)).isEqualTo(customersByEmail.get(email(i)));
            }
            answeredBeforeTheKill.forEach((key, status) -> {
                assertThat(status).as(key).isEqualTo(201);
                assertThat(keptCustomerByKey).as("an answered create is durable").containsKey(key);
            });

            Api api = restarted.api();
            String token = token(api);
            for (int i = 0; i < REQUESTS; i++) {
                Response retried = api.send(api.request("/api/external/customer", token).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key(i)).POST(HttpRequest.BodyPublishers.ofString(body(i))));
                assertThat(retried.status()).isEqualTo(201);
                String before = customersByEmail.get(email(i));
                if (before != null) {
                    assertThat(retried.header(IdempotencyFilter.REPLAYED)).isEqualTo("true");
                    assertThat(retried.data().get("id").stringValue()).isEqualTo(before);
                } else {
                    assertThat(retried.header(IdempotencyFilter.REPLAYED)).isNull();
                }
            }
            assertThat(jdbc.sql("select count(distinct profile->>'email'), count(*) from customers")
                    .query((row, n) -> List.of(row.getLong(1), row.getLong(2))).single())
                    .as("each customer once").containsExactly((long) REQUESTS, (long) REQUESTS);
        }
    }

    private static HttpRequest create(Api api, String token, int i) {
        return HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/external/customer"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key(i)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body(i))).build();
    }

    private static String key(int i) {
        return "crash-" + i;
    }

    private static String email(int i) {
        return "crash." + i + "@example.com";
    }

    private static String body(int i) {
        return Json.with(Customers.INDIVIDUAL, "email", email(i));
    }

    private static String token(Api api) {
        return api.postForm("/oauth/token", Map.of("grant_type", "client_credentials", "client_id", CLIENT,
                "client_secret", SECRET, "scope", "*")).json().get("access_token").stringValue();
    }
}
