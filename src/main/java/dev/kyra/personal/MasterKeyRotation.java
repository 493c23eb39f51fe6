package dev.kyra.personal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves every wrapped key to the primary master key, without downtime: batch by batch, each batch one
 * short transaction that row-locks what it re-wraps, so writers of those customers wait a moment
 * and nobody else at all. Only the wrapping changes; no value is decrypted. A pass that ends with keys
 * still on an old master key (made meanwhile by a node that had not yet read the new file) is
 * followed by another. Progress is the count of keys per master key, read from the rows themselves:
 * a rotation cut short by a restart is resumed by starting it again.
 */
@Component
public class MasterKeyRotation implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);
    private static final int BATCH = 500;
    private static final int MAX_PASSES = 5;

    /**
     * A column holding wrapped keys, whichever module owns its table, and the words each key is bound
     * to (the same {@code boundTo} that wrapped it).
     */
    record KeyColumn(String table, String id, String idType, String key, String master, Function<Object, String> boundTo) {
    }

    static final List<KeyColumn> COLUMNS = List.of(
            new KeyColumn("customers", "id", "uuid", "data_key", "data_key_master", id -> DataKeys.boundTo((UUID) id)),
            new KeyColumn("files", "id", "uuid", "file_key", "file_key_master", id -> FileKeys.boundTo((UUID) id)),
            new KeyColumn("personal_data_keys", "name", "text", "wrapped", "master_key_id", id -> "kyra:" + id)); // BlindIndexes.boundTo() for its row

    private final MasterKeys masterKeys;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("kyra-rewrap").daemon().factory());
    private final AtomicLong rewrapped = new AtomicLong();
    private volatile Run run;

    /** The last rotation this node ran. */
    public record Run(String toMasterKey, Instant startedAt, Instant finishedAt, String failure) {
    }

    /** Where a rotation stands: how many keys each master key wraps, the primary first. */
    public record Status(String primary, Map<String, Long> keysByMasterKey, boolean running, long rewrapped, Run lastRun) {
    }

    MasterKeyRotation(MasterKeys masterKeys, JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.masterKeys = masterKeys;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Adds a new primary master key to the file and moves every key to it. */
    public synchronized Status rotate() {
        masterKeys.addPrimary();
        return rewrap();
    }

    /** Moves every key to the file's primary (after an operator put a new key first in the file). */
    public synchronized Status rewrap() {
        if (!running()) {
            String primary = masterKeys.primaryId();
            rewrapped.set(0);
            run = new Run(primary, clock.instant(), null, null);
            worker.execute(this::rewrapAll);
        }
        return status();
    }

    /**
     * Removes a master key from the file once nothing is wrapped by it.
     *
     * @throws MasterKeyInUseException when it is the primary or still wraps keys
     */
    public synchronized Status retire(String id) {
        Status status = status();
        if (!masterKeys.ids().contains(id)) {
            throw new MasterKeyInUseException("There is no master key " + id + ".", false);
        }
        if (id.equals(status.primary())) {
            throw new MasterKeyInUseException("Master key " + id + " is the primary; add a new one before retiring it.", true);
        }
        long wrapped = status.keysByMasterKey().getOrDefault(id, 0L);
        if (wrapped > 0 || status.running()) {
            throw new MasterKeyInUseException("Master key " + id + " still wraps " + wrapped
                    + " key(s); re-wrap them first (POST /admin/v1/master-keys/rewrap).", true);
        }
        masterKeys.remove(id);
        return status();
    }

    public Status status() {
        Map<String, Long> counts = new LinkedHashMap<>();
        masterKeys.orderedIds().forEach(id -> counts.put(id, 0L));
        for (KeyColumn column : COLUMNS) {
            jdbc.query("select " + column.master() + ", count(*) from " + column.table() + " where " + column.key()
                    + " is not null group by 1", row -> {
                counts.merge(row.getString(1), row.getLong(2), Long::sum);
            });
        }
        return new Status(masterKeys.primaryId(), counts, running(), rewrapped.get(), run);
    }

    private boolean running() {
        Run current = run;
        return current != null && current.finishedAt() == null;
    }

    private void rewrapAll() {
        String failure = null;
        try {
            for (int pass = 1; pass <= MAX_PASSES && pass(); pass++) {
                log.info("master key rotation: pass {} done, {} key(s) re-wrapped so far", pass, rewrapped.get());
            }
        } catch (RuntimeException e) {
            failure = e.getMessage();
            log.error("master key rotation stopped: {}", e.getMessage());
        }
        Run started = run;
        run = new Run(started.toMasterKey(), started.startedAt(), clock.instant(), failure);
        log.info("master key rotation to {} ended after {} key(s)", started.toMasterKey(), rewrapped.get());
    }

    /** One pass over every key column; whether it found keys still to move. */
    private boolean pass() {
        boolean moved = false;
        for (KeyColumn column : COLUMNS) {
            Object after = null;
            while (true) {
                List<Object> ids = batch(column, after);
                if (ids.isEmpty()) {
                    break;
                }
                moved = true;
                after = ids.getLast();
            }
        }
        return moved;
    }

    /** Re-wraps up to one batch of keys after {@code after}, in one transaction; the ids it looked at. */
    private List<Object> batch(KeyColumn column, Object after) {
        return transactions.execute(status -> {
            String primary = masterKeys.primaryId();
            List<Object[]> rows = new ArrayList<>();
            jdbc.query("select " + column.id() + ", " + column.key() + ", " + column.master() + " from " + column.table()
                            + " where " + column.key() + " is not null and " + column.master() + " <> ?"
                            + (after == null ? "" : " and " + column.id() + " > ?::" + column.idType())
                            + " order by " + column.id() + " limit " + BATCH + " for update",
                    row -> {
                        rows.add(new Object[]{row.getObject(1), row.getBytes(2), row.getString(3)});
                    }, after == null ? new Object[]{primary} : new Object[]{primary, after.toString()});
            List<Object[]> updates = new ArrayList<>();
            for (Object[] row : rows) {
                String boundTo = column.boundTo().apply(row[0]);
                WrappedKey moved = masterKeys.wrap(masterKeys.unwrap(new WrappedKey((String) row[2], (byte[]) row[1]), boundTo), boundTo);
                updates.add(new Object[]{moved.bytes(), moved.masterKeyId(), row[0]});
            }
            jdbc.batchUpdate("update " + column.table() + " set " + column.key() + " = ?, " + column.master() + " = ? where "
                    + column.id() + " = ?", updates);
            rewrapped.addAndGet(updates.size());
            return rows.stream().map(row -> row[0]).toList();
        });
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
