package dev.kyra.database;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Forgets a table's rows once they are older than their retention: on every node, once an hour, in
 * batches that skip rows another node is deleting, so no node waits for another and no delete holds
 * many locks for long.
 */
public final class Retention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final Duration EVERY = Duration.ofHours(1);
    private static final int BATCH = 5_000;

    private final String what;
    private final JdbcClient jdbc;
    private final String delete;
    private final Duration retention;
    private final BackgroundLoop pruner;

    /**
     * @param what how the log names the rows
     * @param table a table, named by Kyra's code (never by input)
     * @param timeColumn the column whose age decides
     */
    public Retention(String what, JdbcClient jdbc, String table, String timeColumn, Duration retention) {
        this.what = what;
        this.pruner = new BackgroundLoop("kyra-retention-" + what.replace(' ', '-'), true);
        this.jdbc = jdbc;
        this.retention = retention;
        this.delete = "delete from " + table + " where ctid = any(array(select ctid from " + table + " where "
                + timeColumn + " < now() - cast(:retention as interval) limit :batch for update skip locked))";
    }

    /** Deletes what is past retention now; returns how many rows went. */
    public long prune() {
        long pruned = 0;
        int deleted;
        do {
            deleted = jdbc.sql(delete).param("retention", retention.toMillis() + " milliseconds").param("batch", BATCH)
                    .update();
            pruned += deleted;
        } while (deleted == BATCH);
        return pruned;
    }

    @Override
    public void start() {
        pruner.start(this::run);
    }

    @Override
    public void stop() {
        pruner.stop(Duration.ZERO);
    }

    @Override
    public boolean isRunning() {
        return pruner.isRunning();
    }

    private void run() {
        while (pruner.isCurrent()) {
            try {
                Thread.sleep(EVERY);
                long pruned = prune();
                if (pruned > 0) {
                    log.info("pruned {} {} older than {}", pruned, what, retention);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("{} could not be pruned: {}", what, e.toString());
            }
        }
    }
}
