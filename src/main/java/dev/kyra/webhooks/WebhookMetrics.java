package dev.kyra.webhooks;

import dev.kyra.database.MetricsProperties;
import dev.kyra.database.Sampled;
import dev.kyra.database.Timestamps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Delivery's figures on {@code /actuator/prometheus}. The backlog is read from the outbox, so it is
 * the cluster's and the same on every node (aggregate with {@code max}); attempts, their latency and
 * failures per endpoint are this node's. Endpoints are tagged by their internal id: bounded by the
 * subscriptions that exist, and no URL (which may carry a secret) is ever a tag.
 */
@Component
class WebhookMetrics {

    private record Backlog(long pending, double oldestSeconds) {
    }

    private final MeterRegistry registry;
    private final Clock clock;

    WebhookMetrics(JdbcClient jdbc, MeterRegistry registry, MetricsProperties settings, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        Sampled<Backlog> backlog = new Sampled<>(settings.samplePeriod(), new Backlog(0, 0), () -> backlog(jdbc));
        Gauge.builder("kyra.webhook.backlog", backlog, sample -> sample.get().pending())
                .description("Deliveries not yet made (first attempts and retries), across the cluster").strongReference(true)
                .register(registry);
        Gauge.builder("kyra.webhook.backlog.oldest", backlog, sample -> sample.get().oldestSeconds()).baseUnit("seconds")
                .description("How long the oldest delivery not yet made has waited").strongReference(true)
                .register(registry);
    }

    /** One attempt's end: its HTTP latency by endpoint and outcome, and for a success how long after its event. */
    void attempted(DeliveryStore.Endpoint endpoint, boolean delivered, int latencyMillis, Instant eventAt) {
        Timer.builder("kyra.webhook.attempts")
                .description("Webhook attempts made by this node, with how long the receiver took")
                .tag("endpoint", endpoint.id().toString()).tag("face", face(endpoint))
                .tag("outcome", delivered ? "delivered" : "failed")
                .register(registry).record(latencyMillis, TimeUnit.MILLISECONDS);
        if (delivered) {
            Timer.builder("kyra.webhook.delivery.lag")
                    .description("From the change's commit to its receiver's 2xx, for deliveries this node made")
                    .tag("face", face(endpoint))
                    .register(registry).record(Duration.between(eventAt, clock.instant()));
        }
    }

    /** A delivery that ran out of attempts, or whose endpoint was disabled. */
    void gaveUp(DeliveryStore.Endpoint endpoint) {
        Counter.builder("kyra.webhook.deliveries.failed")
                .description("Deliveries this node gave up on")
                .tag("endpoint", endpoint.id().toString()).tag("face", face(endpoint))
                .register(registry).increment();
    }

    private static String face(DeliveryStore.Endpoint endpoint) {
        return endpoint.face().name().toLowerCase(Locale.ROOT);
    }

    private Backlog backlog(JdbcClient jdbc) {
        return jdbc.sql("select count(*) as pending, min(created_at) as oldest from webhook_deliveries where status = 'pending'")
                .query((row, n) -> new Backlog(row.getLong("pending"), Timestamps.secondsSince(row.getTimestamp("oldest"), clock)))
                .single();
    }
}
