package dev.kyra.database;

import static dev.kyra.support.ChildProcesses.awaitHealthy;
import static dev.kyra.support.ChildProcesses.freePort;
import static dev.kyra.support.ChildProcesses.javaCommand;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Api;
import dev.kyra.support.Customers;
import dev.kyra.support.KyraInstance;
import dev.kyra.support.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kyra's database across the life of the process: durable settings, data and tokens surviving a
 * restart, recovery from a {@code kill -9}, and an external PostgreSQL instead of the embedded one.
 */
@Tag("standalone")
@ExtendWith(OutputCaptureExtension.class)
class DatabaseLifecycleTest {

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedDatabaseRunsWithFsyncAndSynchronousCommitOn() {
        try (KyraInstance kyra = KyraInstance.start(dataDir, Map.of())) {
            JdbcClient jdbc = kyra.bean(JdbcClient.class);
            assertThat(jdbc.sql("select current_setting('fsync')").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("select current_setting('synchronous_commit')").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("select current_setting('full_page_writes')").query(String.class).single()).isEqualTo("on");
        }
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
    }

    @Test
    void customersAndTokensSurviveARestartAndCredentialsArePrintedOnlyOnce(CapturedOutput output) {
        String customerId;
        String token;
        try (KyraInstance first = KyraInstance.start(dataDir, Map.of())) {
            token = tokenFromPrintedBootstrapClient(first.api(), output.getOut());
            customerId = first.api().post("/api/external/customer", token, Customers.INDIVIDUAL).data().get("id").stringValue();
        }
        int printedAfterFirstStart = occurrences(output.getOut(), "Kyra first-start credentials");

        try (KyraInstance second = KyraInstance.start(dataDir, Map.of())) {
            Response read = second.api().get("/api/external/customer/" + customerId, token);
            assertThat(read.status()).as("a token issued before the restart still verifies").isEqualTo(200);
            assertThat(read.data().get("email").stringValue()).isEqualTo("john.doe@company.com");
        }
        assertThat(printedAfterFirstStart).isEqualTo(1);
        assertThat(occurrences(output.getOut(), "Kyra first-start credentials")).as("not printed again").isEqualTo(1);
    }

    @Test
    void configuredBootstrapCredentialsAreUsedAsGiven() {
        String apiKey = "sk.test." + "A".repeat(40);
        try (KyraInstance kyra = KyraInstance.start(dataDir, Map.of(
                "kyra.bootstrap.client-id", "my-client", "kyra.bootstrap.client-secret", "my-secret-of-enough-length",
                "kyra.bootstrap.api-key", apiKey))) {
            Response token = kyra.api().postForm("/oauth/token", Map.of("grant_type", "client_credentials",
                    "client_id", "my-client", "client_secret", "my-secret-of-enough-length", "scope", "*"));
            assertThat(token.status()).isEqualTo(200);
            assertThat(kyra.api().get("/customers", apiKey).status()).isEqualTo(200);
        }
    }

    @Test
    void theGeneratedBootstrapApiKeyIsPrintedAndWorksInTestMode(CapturedOutput output) {
        try (KyraInstance kyra = KyraInstance.start(dataDir, Map.of())) {
            String key = output.getOut().lines().map(String::strip).filter(line -> line.startsWith("sk.test."))
                    .findFirst().orElseThrow();
            Response created = kyra.api().post("/customers", key, dev.kyra.support.Customers.ALLAWEE_INDIVIDUAL);
            assertThat(created.status()).isEqualTo(201);
        }
    }

    @Test
    void afterTheJvmIsKilledTheOrphanedPostgresIsStoppedAndTheDataIsThere() throws Exception {
        int port = freePort();
        Process kyra = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                "dev.kyra.KyraApplication", "--server.port=" + port, "--kyra.data-dir=" + dataDir.toAbsolutePath(),
                "--kyra.admin-token=" + KyraInstance.ADMIN_TOKEN,
                "--kyra.bootstrap.client-id=killed-client", "--kyra.bootstrap.client-secret=killed-secret-long-enough")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("kyra.log").toFile())
                .start();
        String customerId;
        try {
            Api api = new Api(port);
            awaitHealthy(api, kyra);
            String token = api.postForm("/oauth/token", Map.of("grant_type", "client_credentials",
                    "client_id", "killed-client", "client_secret", "killed-secret-long-enough", "scope", "*")).json()
                    .get("access_token").stringValue();
            customerId = api.post("/api/external/customer", token, Customers.INDIVIDUAL).data().get("id").stringValue();
        } finally {
            kyra.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs, postgres is left behind
        }
        Optional<ProcessHandle> orphan = EmbeddedPostgresServer.livePostmaster(dataDir.resolve("postgres"));
        assertThat(orphan).as("the killed JVM left its postgres running").isPresent();

        try (KyraInstance restarted = KyraInstance.start(dataDir, Map.of())) {
            assertThat(orphan.get().isAlive()).as("the orphan was stopped").isFalse();
            String token = restarted.api().postForm("/oauth/token", Map.of("grant_type", "client_credentials",
                    "client_id", "killed-client", "client_secret", "killed-secret-long-enough", "scope", "*")).json()
                    .get("access_token").stringValue();
            Response read = restarted.api().get("/api/external/customer/" + customerId, token);
            assertThat(read.status()).as("the committed customer survived").isEqualTo(200);
        }
    }

    @Test
    void withADatabaseUrlNothingIsEmbedded(@TempDir Path externalDir) throws IOException {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(externalDir)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
             KyraInstance kyra = KyraInstance.start(dataDir, Map.of(
                     "kyra.database.url", "jdbc:postgresql://localhost:" + external.getPort() + "/postgres",
                     "kyra.database.username", "postgres", "kyra.database.password", ""))) {
            assertThat(kyra.api().get("/actuator/health", null).status()).isEqualTo(200);
            Long platforms = JdbcClient.create(external.getPostgresDatabase())
                    .sql("select count(*) from platforms").query(Long.class).single();
            assertThat(platforms).as("Kyra migrated and wrote to the external database").isEqualTo(1);
            assertThat(dataDir.resolve("postgres")).doesNotExist();
        }
    }

    @Test
    void aDatabaseWithoutFsyncIsRefused(@TempDir Path externalDir) throws IOException {
        try (EmbeddedPostgres unsafe = EmbeddedPostgres.builder().setDataDirectory(externalDir).start()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> KyraInstance.start(dataDir, Map.of(
                            "kyra.database.url", "jdbc:postgresql://localhost:" + unsafe.getPort() + "/postgres",
                            "kyra.database.username", "postgres")))
                    .hasStackTraceContaining("PostgreSQL has fsync=off");
        }
    }

    private static String tokenFromPrintedBootstrapClient(Api api, String out) {
        String clientId = printed(out, "client_id:");
        String secret = printed(out, "client_secret:");
        return api.postForm("/oauth/token", Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret, "scope", "*")).json().get("access_token").stringValue();
    }

    private static String printed(String out, String label) {
        return out.lines().filter(line -> line.strip().startsWith(label)).findFirst().orElseThrow()
                .strip().substring(label.length()).strip();
    }

    private static int occurrences(String text, String needle) {
        return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }
}
