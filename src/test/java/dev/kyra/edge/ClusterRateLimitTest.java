package dev.kyra.edge;

import static dev.kyra.support.Eventually.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.kyra.support.Api;
import dev.kyra.support.Json;
import dev.kyra.support.KyraInstance;
import dev.kyra.support.Response;
import dev.kyra.support.Windows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Kyra nodes on one PostgreSQL count one credential's requests, and one address's failed
 * authentications, as one: what one node allowed, the other knows.
 */
@Tag("standalone")
class ClusterRateLimitTest {

    /** Requests say they come from here through the trusted proxy (loopback), so only this test's count as failures. */
    private static final String GUESSER = "203.0.113.7";
    private static final Map<String, String> SETTINGS = Map.of("kyra.rate-limit.failed-authentications-per-minute", "5",
            "kyra.trusted-proxies", "127.0.0.1");

    @TempDir
    static Path firstDir;

    @TempDir
    static Path secondDir;

    private static KyraInstance first;
    private static KyraInstance second;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        first = KyraInstance.start(firstDir, SETTINGS);
        second = first.secondNode(secondDir, SETTINGS);
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void whatOneNodeAllowedTheOtherCounts() {
        Windows.minuteWithAtLeast(Duration.ofSeconds(20));
        Api admin = first.api();
        String platform = admin.post("/admin/v1/platforms", KyraInstance.ADMIN_TOKEN, Json.object("name", "Counted"))
                .data().get("id").stringValue();
        admin.patch("/admin/v1/platforms/" + platform, KyraInstance.ADMIN_TOKEN, Json.object("rate_limit_per_minute", 10));
        Response issued = admin.post("/admin/v1/platforms/" + platform + "/api-keys", KyraInstance.ADMIN_TOKEN,
                Json.object("mode", "test", "scopes", java.util.List.of("customers:read")));
        String key = issued.data().get("key").stringValue();
        String subject = "api-key:" + issued.data().get("id").stringValue();

        for (int i = 0; i < 6; i++) {
            assertThat(first.api().get("/customers", key).status()).isEqualTo(200);
        }
        awaitTrue(() -> sharedCount(subject) == 6, "the first node's six requests reach the shared count");

        int allowedOnSecond = 0;
        Response last;
        while ((last = second.api().get("/customers", key)).status() == 200) {
            allowedOnSecond++;
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(allowedOnSecond).as("ten in all, six of them on the first node").isEqualTo(4);

        // the first node learns of the second's four within a sync, without being asked anything but its count
        SharedCounts counts = first.bean(SharedCounts.class);
        awaitTrue(() -> !counts.subject(subject, SharedCounts.MINUTE, SharedCounts.HOUR)
                .take(counts.nowSeconds(), new int[] {10, 0}).allowed(), "the first node sees the limit reached");
        assertThat(first.api().get("/customers", key).status()).isEqualTo(429);
    }

    @Test
    void failedAuthenticationsFromOneAddressAreCountedByBothNodes() {
        Windows.minuteWithAtLeast(Duration.ofSeconds(20));
        for (int i = 0; i < 3; i++) {
            assertThat(fromGuesser(first.api(), "/customers", "sk.test.wrongwrongwrongwrongwrongwrong").status()).isEqualTo(401);
        }
        awaitTrue(() -> sharedCount("failed-authentication:" + GUESSER) == 3, "three failures shared");
        assertThat(fromGuesser(second.api(), "/admin/v1/platforms", "not-the-admin-token").status()).isEqualTo(401);
        assertThat(second.api().send(tokenRequest(second.api())).status()).isEqualTo(401);

        Response locked = fromGuesser(second.api(), "/admin/v1/platforms", KyraInstance.ADMIN_TOKEN);
        assertThat(locked.status()).as("even the right token, from this address, for the rest of the minute").isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 60L);
        Response token = second.api().send(tokenRequest(second.api()));
        assertThat(token.status()).isEqualTo(429);
        awaitTrue(() -> fromGuesser(first.api(), "/customers", "sk.test.wrongwrongwrongwrongwrongwrong").status() == 429,
                "the first node refuses the address too");
        assertThat(first.api().get("/admin/v1/platforms", KyraInstance.ADMIN_TOKEN).status())
                .as("another address is not refused").isEqualTo(200);
    }

    private static Response fromGuesser(Api api, String path, String token) {
        return api.send(api.request(path, token).header("X-Forwarded-For", GUESSER).GET());
    }

    private static java.net.http.HttpRequest.Builder tokenRequest(Api api) {
        return api.request("/oauth/token", null).header("X-Forwarded-For", GUESSER)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=nobody&client_secret=wrong"));
    }

    private static long sharedCount(String subject) {
        return first.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select coalesce(max(count), 0) from rate_limit_counts where subject = :subject and window_seconds = 60")
                .param("subject", subject).query(Long.class).single();
    }
}
