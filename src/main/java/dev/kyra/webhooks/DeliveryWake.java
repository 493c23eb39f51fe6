package dev.kyra.webhooks;

import dev.kyra.database.BackgroundLoop;
import dev.kyra.database.DatabaseNotifications;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the delivery workers when a transaction that queued deliveries has committed: this node's at
 * once, in the process, and every other node's by a NOTIFY sent after the commit, outside the change's
 * transaction. Inside it, the NOTIFY would take PostgreSQL's database-wide notification lock at the
 * commit and hold it through the commit's WAL flush, so that transactions with deliveries committed one
 * at a time instead of flushing together: on this machine's two cores, pgbench's insert-and-commit fell
 * from about 15,000 to 5,500 a second with a NOTIFY in it. Commits that come while a NOTIFY is being sent
 * share the next one. A NOTIFY lost to a crash between the commit and its sending is covered by every
 * worker's polling; this node's own NOTIFY (its payload names the node) does not wake it again.
 */
@Component
class DeliveryWake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWake.class);
    private static final Duration IDLE_WAIT = Duration.ofMillis(250);

    private final String node = UUID.randomUUID().toString();
    private final DatabaseNotifications notifications;
    private final List<Runnable> workers = new CopyOnWriteArrayList<>();
    private final Semaphore toNotify = new Semaphore(0);
    private final BackgroundLoop notifier = new BackgroundLoop("kyra-webhook-wake", false);

    DeliveryWake(DatabaseNotifications notifications) {
        this.notifications = notifications;
        // another node's deliveries, a replay or a retry (their statements notify with an empty payload); and a
        // lost connection, since what it missed may be due
        notifications.subscribe(Outbox.CHANNEL, DatabaseNotifications.Subscriber.of(payload -> {
            if (!node.equals(payload)) {
                wakeWorkers();
            }
        }, this::wakeWorkers));
    }

    /** Runs {@code wake} whenever deliveries may be due. */
    void whenWoken(Runnable wake) {
        workers.add(wake);
    }

    /** Wakes every node's workers once the caller's transaction commits (at once, without one). */
    void afterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committed();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed();
            }
        });
    }

    private void committed() {
        wakeWorkers();
        toNotify.release();
    }

    private void wakeWorkers() {
        workers.forEach(Runnable::run);
    }

    private void notifyOtherNodes() {
        while (notifier.isCurrent()) {
            try {
                if (!toNotify.tryAcquire(IDLE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            toNotify.drainPermits(); // every commit until now is told by this one notification
            try {
                notifications.publish(Outbox.CHANNEL, node);
            } catch (RuntimeException e) {
                log.debug("could not tell the other nodes of new deliveries (their polling will find them): {}", e.toString());
            }
        }
    }

    @Override
    public void start() {
        notifier.start(this::notifyOtherNodes);
    }

    @Override
    public void stop() {
        notifier.stop(Duration.ofSeconds(1));
    }

    @Override
    public boolean isRunning() {
        return notifier.isRunning();
    }
}
