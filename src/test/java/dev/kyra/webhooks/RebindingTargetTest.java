package dev.kyra.webhooks;

import static dev.kyra.support.ChildProcesses.awaitHealthy;
import static dev.kyra.support.ChildProcesses.freePort;
import static dev.kyra.support.ChildProcesses.javaCommand;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Api;
import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraInstance;
import dev.kyra.support.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Decision D7 at connect time: a webhook host that is a public name when it is registered but
 * resolves to 127.0.0.1 when the webhook is sent gets no connection, and the attempt says why. The
 * child Kyra resolves names from a hosts file of the test's, as a rebinding DNS server would answer;
 * private targets are not allowed there, as in production.
 */
@Tag("standalone")
class RebindingTargetTest {

    private static final String HOST = "hooks.rebinding.example";

    @TempDir
    Path dataDir;

    @Test
    void aHostThatResolvesToLoopbackWhenTheWebhookIsSentIsNotConnectedTo() throws Exception {
        Path hosts = Files.writeString(dataDir.resolve("hosts"), "127.0.0.1 " + HOST + "\n");
        try (CountingListener receiver = new CountingListener()) {
            int port = freePort();
            Process kyra = new ProcessBuilder(javaCommand(), "-Djdk.net.hosts.file=" + hosts, "-cp",
                    System.getProperty("java.class.path"), "dev.kyra.KyraApplication", "--server.port=" + port,
                    "--kyra.data-dir=" + dataDir.resolve("kyra").toAbsolutePath(),
                    "--kyra.admin-token=" + KyraInstance.ADMIN_TOKEN,
                    "--kyra.bootstrap.client-id=rebinding-client", "--kyra.bootstrap.client-secret=rebinding-secret-long-enough",
                    "--kyra.webhook.retry-initial-delay=200ms", "--kyra.webhook.max-attempts=2")
                    .redirectErrorStream(true).redirectOutput(dataDir.resolve("kyra.log").toFile()).start();
            try {
                Api api = new Api(port);
                awaitHealthy(api, kyra);
                String token = api.postForm("/oauth/token", Map.of("grant_type", "client_credentials",
                        "client_id", "rebinding-client", "client_secret", "rebinding-secret-long-enough", "scope", "*"))
                        .json().get("access_token").stringValue();
                String target = "https://" + HOST + ":" + receiver.port() + "/c";
                Response registered = api.post("/api/external/webhook", token, Json.object("collection_url", target,
                        "payout_url", target));
                assertThat(registered.status()).as("a public-looking name may be registered").isEqualTo(200);

                api.post("/api/external/customer", token, Customers.INDIVIDUAL);

                JsonNode attempt = firstAttempt(api, token);
                assertThat(attempt.get("status_code").isNull()).isTrue();
                assertThat(attempt.get("error").stringValue()).isEqualTo(HOST + " resolves to an address inside a network");
                assertThat(receiver.connections()).as("no connection reached the loopback receiver").isZero();
            } finally {
                kyra.destroyForcibly().waitFor();
            }
        }
    }

    private static JsonNode firstAttempt(Api api, String token) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode logs = api.get("/api/external/webhook-logs", token).json().get("data");
            if (logs != null && !logs.isEmpty()) {
                JsonNode history = api.get("/api/external/webhook-logs/" + logs.get(0).get("id").stringValue(), token)
                        .json().get("data").get("webhook_log_histories");
                if (!history.isEmpty()) {
                    return history.get(0);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no attempt was logged");
    }

    /** A TCP listener on loopback that only counts the connections made to it. */
    private static final class CountingListener implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicInteger connections = new AtomicInteger();

        CountingListener() throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket accepted = socket.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
