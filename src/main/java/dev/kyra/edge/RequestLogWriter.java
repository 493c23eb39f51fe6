package dev.kyra.edge;

import dev.kyra.database.BackgroundLoop;
import dev.kyra.platform.Tenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the request log off the request path: a request only puts its record in a bounded queue,
 * and one thread inserts what has gathered, up to a thousand rows in one statement, with
 * {@code synchronous_commit} off for that transaction, since a log row is not worth an fsync. What a
 * crash can lose is the last fraction of a second of the log, never data; a queue full because the
 * database is away drops records, and says how many, rather than holding requests up.
 */
@Component
class RequestLogWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RequestLogWriter.class);
    private static final int CAPACITY = 50_000;
    private static final int BATCH = 1_000;
    /** How long the writer lets records gather after the first, so a busy node writes few, large batches. */
    private static final Duration GATHER = Duration.ofMillis(50);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final BackgroundLoop writer = new BackgroundLoop("kyra-request-log", false);

    RequestLogWriter(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Queues a record for writing; never waits. */
    void add(Tenant tenant, RequestRecord record) {
        if (!queue.offer(new Entry(tenant, record))) {
            dropped.incrementAndGet();
        }
    }

    /** Writes everything queued so far. */
    void flush() {
        List<Entry> batch = new ArrayList<>();
        while (queue.drainTo(batch, BATCH) > 0) {
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Entry> batch) {
        int n = batch.size();
        String[] ids = new String[n];
        String[] platforms = new String[n];
        String[] modes = new String[n];
        String[] methods = new String[n];
        String[] paths = new String[n];
        String[] versions = new String[n];
        int[] statuses = new int[n];
        int[] latencies = new int[n];
        String[] addresses = new String[n];
        String[] times = new String[n];
        for (int i = 0; i < n; i++) {
            Entry entry = batch.get(i);
            RequestRecord record = entry.record();
            ids[i] = record.id();
            platforms[i] = entry.tenant().platformId().toString();
            modes[i] = entry.tenant().mode().code();
            methods[i] = record.method();
            paths[i] = record.path();
            versions[i] = record.apiVersion();
            statuses[i] = record.statusCode();
            latencies[i] = record.latencyMillis();
            addresses[i] = record.ipAddress();
            times[i] = record.createdAt().toString();
        }
        transactions.executeWithoutResult(status -> {
            jdbc.sql("set local synchronous_commit = off").update();
            jdbc.sql("""
                            insert into api_requests (id, platform_id, mode, method, path, api_version, status_code,
                                                      latency_ms, ip_address, created_at)
                            select * from unnest(cast(:ids as text[]), cast(:platforms as uuid[]), cast(:modes as text[]),
                                                 cast(:methods as text[]), cast(:paths as text[]), cast(:versions as text[]),
                                                 cast(:statuses as int[]), cast(:latencies as int[]),
                                                 cast(:addresses as text[]), cast(:times as timestamptz[]))
                            on conflict (id) do nothing""")
                    .param("ids", ids).param("platforms", platforms).param("modes", modes).param("methods", methods)
                    .param("paths", paths).param("versions", versions).param("statuses", statuses)
                    .param("latencies", latencies).param("addresses", addresses).param("times", times)
                    .update();
        });
    }

    @Override
    public void start() {
        writer.start(this::run);
    }

    @Override
    public void stop() {
        writer.stop(Duration.ofSeconds(2));
        try {
            flush(); // the requests the server finished while stopping are logged too
        } catch (RuntimeException e) {
            log.warn("the last {} request-log records could not be written: {}", queue.size(), e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return writer.isRunning();
    }

    /** Stopped after the web server, started before it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    private void run() {
        List<Entry> batch = new ArrayList<>(BATCH);
        while (writer.isCurrent()) {
            try {
                Entry first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                Thread.sleep(GATHER);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("{} request-log records could not be written: {}", batch.size(), e.toString());
            } finally {
                batch.clear();
            }
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                log.warn("{} request-log records were dropped: the queue was full", lost);
            }
        }
    }

    private record Entry(Tenant tenant, RequestRecord record) {
    }
}
