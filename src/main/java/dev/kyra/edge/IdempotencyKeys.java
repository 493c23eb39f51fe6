package dev.kyra.edge;

import dev.kyra.events.CarriedWrite;
import dev.kyra.events.EventLog;
import dev.kyra.platform.SecretSealer;
import dev.kyra.platform.Tenant;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The kept results of decision D9, per platform and mode. The claim and the keep run in the
 * transaction of the request that holds the key, which is also the transaction of the change it makes
 * (a result kept meanwhile is read after that one rolled back). A kept body is
 * sealed ({@link SecretSealer}, bound to its platform, mode and key): answers carry personal data, and
 * some a secret shown once (a webhook's signing secret), which a copy of the database must not give away.
 * It is compressed first: a sealed body cannot be, and the kept row is written by every keyed POST.
 */
@Repository
class IdempotencyKeys {

    /** The kept answer's insert, which returns its row unless an unexpired one holds the key. */
    private static final String KEEP = """
            insert into idempotency_keys as k (platform_id, mode, key, fingerprint, status, content_type,
                                               location, body, created_at)
            values (:keptPlatformId, :keptMode, :keptKey, :keptFingerprint, :keptStatus, :keptContentType,
                    :keptLocation, :keptBody, now())
            on conflict (platform_id, mode, key) do update set fingerprint = excluded.fingerprint,
                status = excluded.status, content_type = excluded.content_type, location = excluded.location,
                body = excluded.body, created_at = excluded.created_at
            where k.created_at <= now() - cast(:keptRetention as interval)
            returning 1""";

    private final JdbcClient jdbc;
    private final SecretSealer sealer;
    private final EventLog events;
    private final String retention;

    IdempotencyKeys(JdbcClient jdbc, SecretSealer sealer, EventLog events, IdempotencyProperties settings) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.events = events;
        this.retention = settings.retention().toMillis() + " milliseconds";
    }

    /**
     * Takes the key for this transaction, if no other transaction holds it (false: the first request
     * with it is still running), and reads the result kept under it, if one is — in one statement. A
     * result committed between the statement's start and the lock is not seen; {@link #keep} then
     * finds it.
     */
    Claim claim(Tenant tenant, String key) {
        return jdbc.sql("""
                        select pg_try_advisory_xact_lock(hashtextextended(:name, 0)) as taken,
                               k.fingerprint, k.status, k.content_type, k.location, k.body
                        from (select 1) as one
                        left join idempotency_keys k on k.platform_id = :platformId and k.mode = :mode and k.key = :key
                                                    and k.created_at > now() - cast(:retention as interval)""")
                .param("name", boundTo(tenant, key)).param("platformId", tenant.platformId())
                .param("mode", tenant.mode().code()).param("key", key).param("retention", retention)
                .query((row, n) -> {
                    if (!row.getBoolean("taken")) {
                        return new Claim(false, Optional.empty());
                    }
                    return new Claim(true, row.getBytes("fingerprint") == null ? Optional.empty()
                            : Optional.of(result(row, tenant, key)));
                }).single();
    }

    /**
     * Keeps a result, unless one for this key was kept meanwhile (by a request whose transaction
     * committed between this one's look and its lock): then that one is returned instead. If the
     * transaction has events still to write, the result rides in their statement at commit
     * ({@link EventLog#carry}); a result kept meanwhile is then found there, and the commit fails with
     * {@link KeptMeanwhile}.
     */
    Optional<StoredResult> keep(Tenant tenant, String key, StoredResult result) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("keptPlatformId", tenant.platformId());
        parameters.put("keptMode", tenant.mode().code());
        parameters.put("keptKey", key);
        parameters.put("keptFingerprint", result.fingerprint());
        parameters.put("keptStatus", result.status());
        parameters.put("keptContentType", result.contentType());
        parameters.put("keptLocation", result.location());
        parameters.put("keptBody", sealer.seal(KeptBodies.compress(result.body()), boundTo(tenant, key)));
        parameters.put("keptRetention", retention);
        boolean carried = events.carry(new CarriedWrite(KEEP, parameters, rows -> {
            if (rows == 0) {
                throw new KeptMeanwhile();
            }
        }));
        if (carried) {
            return Optional.empty();
        }
        long kept = jdbc.sql("with kept as (" + KEEP + ") select count(*) from kept").params(parameters)
                .query(Long.class).single();
        return kept == 1 ? Optional.empty() : kept(tenant, key);
    }

    /** The result kept under a key and not yet expired. */
    Optional<StoredResult> kept(Tenant tenant, String key) {
        return jdbc.sql("""
                        select fingerprint, status, content_type, location, body from idempotency_keys
                        where platform_id = :platformId and mode = :mode and key = :key
                          and created_at > now() - cast(:retention as interval)""")
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code()).param("key", key)
                .param("retention", retention)
                .query((row, n) -> result(row, tenant, key))
                .optional();
    }

    private StoredResult result(ResultSet row, Tenant tenant, String key) throws SQLException {
        return new StoredResult(row.getBytes("fingerprint"), row.getInt("status"), row.getString("content_type"),
                row.getString("location"),
                KeptBodies.decompress(sealer.openBytes(row.getBytes("body"), boundTo(tenant, key))));
    }

    /**
     * Deletes the tenant's kept answers that name any of {@code names} (an erased customer's ids):
     * they are sealed, so each is opened and read. Erasures are rare and a tenant keeps a day's keys.
     *
     * @return how many were deleted
     */
    int forgetAnswersNaming(Tenant tenant, List<String> names) {
        List<String> naming = jdbc.sql("select key, body from idempotency_keys where platform_id = :platformId and mode = :mode")
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query((row, n) -> {
                    String key = row.getString("key");
                    String body = new String(KeptBodies.decompress(sealer.openBytes(row.getBytes("body"), boundTo(tenant, key))),
                            StandardCharsets.UTF_8);
                    return names.stream().anyMatch(body::contains) ? key : null;
                })
                .list().stream().filter(java.util.Objects::nonNull).toList();
        if (naming.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from idempotency_keys where platform_id = :platformId and mode = :mode and key = any(:keys)")
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .param("keys", naming.toArray(String[]::new)).update();
    }

    private static String boundTo(Tenant tenant, String key) {
        return "idempotency/" + tenant.platformId() + "/" + tenant.mode().code() + "/" + key;
    }

    /** Whether this transaction holds the key, and what was kept under it. */
    record Claim(boolean taken, Optional<StoredResult> kept) {
    }

    /** A result for the key was kept meanwhile, found as the commit wrote this one's: the commit rolled back. */
    static final class KeptMeanwhile extends RuntimeException {

        KeptMeanwhile() {
            super("a result was kept under this Idempotency-Key meanwhile", null, false, false);
        }
    }
}
