package dev.kyra.webhooks;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forgets deliveries, with their attempts and the bodies kept for replay, once they are older than
 * {@code kyra.webhook.retention} (90 days, decision D8). Every node prunes once an hour, in batches
 * that skip rows another node is deleting; the events themselves stay, as they are the history.
 */
@Component
class DeliveryRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);
    private static final Duration EVERY = Duration.ofHours(1);
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final Duration retention;
    private volatile Thread pruner;

    DeliveryRetention(JdbcClient jdbc, WebhookProperties settings) {
        this.jdbc = jdbc;
        this.retention = settings.retention();
    }

    /** Deletes what is past retention now; returns how many deliveries went. */
    long prune() {
        long pruned = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                            delete from webhook_deliveries where id in (
                                select id from webhook_deliveries where created_at < now() - cast(:retention as interval)
                                limit :batch for update skip locked)""")
                    .param("retention", retention.toSeconds() + " seconds").param("batch", BATCH)
                    .update();
            pruned += deleted;
        } while (deleted == BATCH);
        return pruned;
    }

    @Override
    public void start() {
        Thread thread = Thread.ofVirtual().name("kyra-webhook-retention").unstarted(this::run);
        pruner = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread running = pruner;
        pruner = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return pruner != null;
    }

    private void run() {
        while (pruner == Thread.currentThread()) {
            try {
                Thread.sleep(EVERY);
                long pruned = prune();
                if (pruned > 0) {
                    log.info("pruned {} webhook deliveries older than {}", pruned, retention);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("webhook deliveries could not be pruned: {}", e.toString());
            }
        }
    }
}
