package dev.kyra.customer;

import dev.kyra.database.MetricsProperties;
import dev.kyra.database.Sampled;
import dev.kyra.database.Timestamps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The registry's own figures on {@code /actuator/prometheus}: customers by verification status, the
 * review queue's depth and its oldest wait — read from the database, so the same on every node
 * (aggregate them with {@code max}, not {@code sum}) and at most {@code KYRA_METRICS_SAMPLE_PERIOD}
 * old — and the reviewers' decisions this node made, counted once each commits.
 */
@Component
public class CustomerMetrics {

    /** What a decision was about, and its verdict: the tags of {@code kyra_review_decisions_total}. */
    enum Decision {
        CUSTOMER_APPROVED("customer", "approved"),
        CUSTOMER_FIRST_APPROVAL("customer", "first_approval"),
        CUSTOMER_REJECTED("customer", "rejected"),
        OWNER_APPROVED("owner", "approved"),
        OWNER_REJECTED("owner", "rejected"),
        DOCUMENT_APPROVED("document", "approved"),
        DOCUMENT_REJECTED("document", "rejected"),
        TIER_VERIFIED("tier", "approved"),
        TIER_FAILED("tier", "rejected");

        final String subject;
        final String verdict;

        Decision(String subject, String verdict) {
            this.subject = subject;
            this.verdict = verdict;
        }
    }

    private record Queue(long depth, double oldestWaitSeconds) {
    }

    private final Map<Decision, Counter> decisions = new EnumMap<>(Decision.class);

    CustomerMetrics(JdbcClient jdbc, MeterRegistry registry, MetricsProperties settings, Clock clock) {
        Duration period = settings.samplePeriod();
        Sampled<Map<VerificationStatus, Long>> byStatus = new Sampled<>(period, Map.of(), () -> countByStatus(jdbc));
        for (VerificationStatus status : VerificationStatus.values()) {
            Gauge.builder("kyra.customers", byStatus, sample -> sample.get().getOrDefault(status, 0L))
                    .description("Customers by verification status, across every tenant and mode")
                    .tag("status", status.name()).strongReference(true).register(registry);
        }
        Sampled<Queue> queue = new Sampled<>(period, new Queue(0, 0), () -> queue(jdbc, clock));
        Gauge.builder("kyra.review.queue.depth", queue, sample -> sample.get().depth())
                .description("Customers waiting for a reviewer (under review, or with a tier pending)").strongReference(true)
                .register(registry);
        Gauge.builder("kyra.review.queue.oldest.wait", queue, sample -> sample.get().oldestWaitSeconds()).baseUnit("seconds")
                .description("How long the customer waiting longest for a reviewer has waited").strongReference(true)
                .register(registry);
        for (Decision decision : Decision.values()) {
            decisions.put(decision, Counter.builder("kyra.review.decisions")
                    .description("Reviewers' decisions made on this node")
                    .tag("subject", decision.subject).tag("verdict", decision.verdict).register(registry));
        }
    }

    /** Counts the decision when the caller's transaction commits: a refused or rolled-back one is not counted. */
    void decided(Decision decision) {
        Counter counter = decisions.get(decision);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }

    private static Map<VerificationStatus, Long> countByStatus(JdbcClient jdbc) {
        Map<VerificationStatus, Long> counts = new EnumMap<>(VerificationStatus.class);
        jdbc.sql("select verification_status, count(*) as n from customers group by verification_status")
                .query((row, n) -> counts.put(VerificationStatus.valueOf(row.getString("verification_status")),
                        row.getLong("n")))
                .list();
        return counts;
    }

    private static Queue queue(JdbcClient jdbc, Clock clock) {
        return jdbc.sql("""
                        select count(distinct customer_id) as depth, min(since) as oldest from (
                            select id as customer_id, review_requested_at as since from customers
                            where verification_status = 'PROCESSING'
                            union all
                            select customer_id, updated_at from customer_verifications where status = 'pending'
                        ) as waiting""")
                .query((row, n) -> new Queue(row.getLong("depth"), Timestamps.secondsSince(row.getTimestamp("oldest"), clock)))
                .single();
    }
}
