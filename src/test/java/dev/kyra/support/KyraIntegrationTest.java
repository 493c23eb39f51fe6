package dev.kyra.support;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP tests: the whole application on a random port, over a real embedded PostgreSQL
 * whose data lives in a fresh directory for this test run. Every test class extends this one with
 * the same configuration, so they all share one application context and one database; tests keep
 * out of each other's way by working in tenants of their own ({@link Tenants}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class KyraIntegrationTest {

    public static final String ADMIN_TOKEN = "test-admin-token-" + UUID.randomUUID();
    private static final Path DATA_DIR = Path.of("target", "test-data", UUID.randomUUID().toString());

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api;
    protected Tenants tenants;

    @DynamicPropertySource
    static void kyraProperties(DynamicPropertyRegistry registry) {
        registry.add("kyra.data-dir", () -> DATA_DIR.toAbsolutePath().toString());
        registry.add("kyra.admin-token", () -> ADMIN_TOKEN);
        // a heavy request past its limits waits this long before it is refused (30 s in production)
        registry.add("kyra.http.heavy-requests.max-wait", () -> "1s");
        // the suite's many refused credentials all come from loopback; FailedAuthenticationLimitTest lowers this
        registry.add("kyra.rate-limit.failed-authentications-per-minute", () -> "0");
        // webhooks go to receivers on loopback, and are retried within a test's patience
        registry.add("kyra.webhook.allow-private-targets", () -> "true");
        registry.add("kyra.webhook.retry-initial-delay", () -> "300ms");
        registry.add("kyra.webhook.retry-max-delay", () -> "1s");
        registry.add("kyra.webhook.max-attempts", () -> "3");
        registry.add("kyra.webhook.timeout", () -> "2s");
        registry.add("kyra.webhook.poll-interval", () -> "200ms");
        registry.add("kyra.webhook.per-endpoint-concurrency", () -> "4");
        registry.add("kyra.metrics.sample-period", () -> "100ms");
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
        tenants = new Tenants(api);
    }

    /** How many customers a platform has, straight from the database: proof that nothing was written. */
    protected long customerCount(Tenant tenant) {
        return jdbc.sql("select count(*) from customers where platform_id = :platform")
                .param("platform", UUID.fromString(tenant.platformId())).query(Long.class).single();
    }

    protected long ownerCount(String customerId) {
        return jdbc.sql("select count(*) from customer_owners where customer_id = :id")
                .param("id", UUID.fromString(customerId)).query(Long.class).single();
    }

    protected String storedProfile(String customerId) {
        return jdbc.sql("select profile::text from customers where id = :id")
                .param("id", UUID.fromString(customerId)).query(String.class).single();
    }
}
