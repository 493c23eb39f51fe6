package dev.kyra.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Api;
import dev.kyra.support.Customers;
import dev.kyra.support.KyraInstance;
import dev.kyra.support.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When PostgreSQL goes away, calls fail fast with a 503 in the face's shape and readiness is DOWN;
 * when it comes back Kyra serves again without a restart. The embedded server is brought back by
 * Kyra itself; an external one by whoever runs it.
 */
@Tag("standalone")
class DatabaseOutageTest {

    private static final String CLIENT = "outage-client";
    private static final String SECRET = "outage-client-secret-0123456789";

    @TempDir
    Path dataDir;

    @Test
    void afterTheEmbeddedPostmasterIsKilledKyraRestartsItAndServesAgain() throws Exception {
        try (KyraInstance kyra = KyraInstance.start(dataDir, Map.of(
                "kyra.bootstrap.client-id", CLIENT, "kyra.bootstrap.client-secret", SECRET))) {
            Api api = kyra.api();
            String token = token(api);
            String id = api.post("/api/external/customer", token, Customers.INDIVIDUAL).data().get("id").stringValue();
            long pid = postmasterPid();

            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());

            // how long the outage lasts depends on when the watchdog looks: every answer until then is a 503
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            Response read = api.get("/api/external/customer/" + id, token);
            while (read.status() != 200 && Instant.now().isBefore(deadline)) {
                assertThat(read.status()).as(read.toString()).isEqualTo(503);
                assertThat(read.json().get("status").booleanValue()).isFalse();
                Thread.sleep(100);
                read = api.get("/api/external/customer/" + id, token);
            }
            awaitRecovery(api, token, id);
            assertThat(postmasterPid()).as("a new postmaster on the same data").isNotEqualTo(pid);
        }
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
    }

    @Test
    void withAnExternalDatabaseKyraFailsFastWhileItIsDownAndRecoversWhenItReturns(@TempDir Path externalDir)
            throws Exception {
        int port = freePort();
        EmbeddedPostgres external = external(externalDir, port);
        try (KyraInstance kyra = KyraInstance.start(dataDir, Map.of(
                "kyra.database.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "kyra.database.username", "postgres", "kyra.database.password", "",
                "kyra.bootstrap.client-id", CLIENT, "kyra.bootstrap.client-secret", SECRET))) {
            Api api = kyra.api();
            String token = token(api);
            String id = api.post("/api/external/customer", token, Customers.INDIVIDUAL).data().get("id").stringValue();

            external.close();
            assertOutage(kyra, api, token, id);

            external = external(externalDir, port);
            awaitRecovery(api, token, id);
        } finally {
            external.close();
        }
    }

    private static void assertOutage(KyraInstance kyra, Api api, String token, String id) {
        // fast failure comes from the pool giving up on a connection in seconds, not Hikari's default 30
        assertThat(((com.zaxxer.hikari.HikariDataSource) kyra.bean(javax.sql.DataSource.class)).getConnectionTimeout())
                .isLessThanOrEqualTo(Duration.ofSeconds(5).toMillis());
        Response read = api.get("/api/external/customer/" + id, token);
        assertThat(read.status()).as(read.toString()).isEqualTo(503);
        assertThat(read.json().get("status").booleanValue()).isFalse();
        assertThat(read.header("Retry-After")).isNotNull();
        Response allawee = api.get("/customers", "sk.test." + "1".repeat(40));
        assertThat(allawee.status()).as(allawee.toString()).isIn(401, 503);
        assertThat(api.get("/actuator/health/readiness", null).status()).as("not ready").isEqualTo(503);
        assertThat(api.get("/actuator/health/liveness", null).status()).as("still alive").isEqualTo(200);
    }

    private static void awaitRecovery(Api api, String token, String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Response read;
        do {
            Thread.sleep(250);
            read = api.get("/api/external/customer/" + id, token);
        } while (read.status() != 200 && Instant.now().isBefore(deadline));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.data().get("email").stringValue()).isEqualTo("john.doe@company.com");
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        Response write = api.post("/api/external/customer", token, Customers.INDIVIDUAL);
        assertThat(write.status()).as("writes work again too: " + write).isEqualTo(201);
    }

    private static String token(Api api) {
        return api.postForm("/oauth/token", Map.of("grant_type", "client_credentials", "client_id", CLIENT,
                "client_secret", SECRET, "scope", "*")).json().get("access_token").stringValue();
    }

    private static EmbeddedPostgres external(Path directory, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
