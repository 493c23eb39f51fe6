package dev.kyra.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Tenant;
import dev.kyra.support.WebhookReceiver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One dead endpoint does not hold the others up (decision D8): while every attempt to a receiver that
 * accepts connections and never answers is still waiting for its answer, another endpoint of the same
 * platform gets all of its deliveries.
 */
class SlowEndpointTest extends KyraIntegrationTest {

    @Autowired
    WebhookProperties settings;

    @Test
    void anEndpointThatNeverAnswersDelaysNoOtherEndpoint() throws IOException {
        int limit = settings.perEndpointConcurrency();
        Tenant tenant = tenants.create();
        try (BlackHole dead = new BlackHole(); WebhookReceiver alive = new WebhookReceiver()) {
            String webhook = api.post("/webhooks", tenant.apiKey(), Json.write(Map.of("name", "dead", "events",
                    List.of("customer.created"), "url", "http://127.0.0.1:" + dead.port() + "/never"))).data().get("id").stringValue();
            api.post("/webhooks/" + webhook + "/enable", tenant.apiKey(), "{}");
            api.post("/api/external/webhook", tenant.token(), Json.object("collection_url", alive.url("/c"),
                    "payout_url", alive.url("/p")));

            List<String> customers = new ArrayList<>();
            for (int i = 0; i < 2 * limit; i++) { // twice as many as one endpoint may have in flight
                customers.add(api.post("/customers", tenant.apiKey(), Json.with(Customers.ALLAWEE_INDIVIDUAL,
                        "reference", "slow-" + i)).data().get("id").stringValue());
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (dead.connections() < limit && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            for (int i = 0; i < customers.size(); i++) {
                String uuid = jdbc.sql("select id::text from customers where platform_id = cast(:p as uuid) and reference = :r")
                        .param("p", tenant.platformId()).param("r", "slow-" + i).query(String.class).single();
                alive.await(request -> request.body().contains(uuid));
            }

            assertThat(finishedAttemptsTo(dead.port())).as("every attempt to the dead endpoint is still waiting").isZero();
            assertThat(dead.connections()).as("the dead endpoint is tried as many at a time as its limit").isEqualTo(limit);
        }
    }

    private long finishedAttemptsTo(int port) {
        return jdbc.sql("""
                        select count(*) from webhook_attempts a
                        join webhook_deliveries d on d.id = a.delivery_id
                        join webhook_endpoints w on w.id = d.endpoint_id
                        where w.url = :url""")
                .param("url", "http://127.0.0.1:" + port + "/never").query(Long.class).single();
    }

    /** Accepts connections and holds them open without ever reading or answering. */
    private static final class BlackHole implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());

        BlackHole() throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        held.add(socket.accept());
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
            return held.size();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : held) {
                connection.close();
            }
        }
    }
}
