package dev.kyra.edge;

import dev.kyra.platform.Tenant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The kept results of decision D9, per platform and mode. Every method runs in the transaction of the
 * request that holds the key, which is also the transaction of the change it makes.
 */
@Repository
class IdempotencyKeys {

    private final JdbcClient jdbc;
    private final String retention;

    IdempotencyKeys(JdbcClient jdbc, IdempotencyProperties settings) {
        this.jdbc = jdbc;
        this.retention = settings.retention().toMillis() + " milliseconds";
    }

    /**
     * Takes the key for this transaction, if no other transaction holds it (false: the first request
     * with it is still running), and then the result kept under it, if one is.
     */
    Claim claim(Tenant tenant, String key) {
        Boolean taken = jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(:name, 0))")
                .param("name", tenant.platformId() + "/" + tenant.mode().code() + "/" + key)
                .query(Boolean.class).single();
        if (!taken) {
            return new Claim(false, Optional.empty());
        }
        return new Claim(true, find(tenant, key));
    }

    /**
     * Keeps a result, unless one for this key was kept meanwhile (by a request whose transaction
     * committed between this one's look and its lock): then that one is returned instead.
     */
    Optional<StoredResult> keep(Tenant tenant, String key, StoredResult result) {
        int kept = jdbc.sql("""
                        insert into idempotency_keys as k (platform_id, mode, key, fingerprint, status, content_type,
                                                           location, body, created_at)
                        values (:platformId, :mode, :key, :fingerprint, :status, :contentType, :location, :body, now())
                        on conflict (platform_id, mode, key) do update set fingerprint = excluded.fingerprint,
                            status = excluded.status, content_type = excluded.content_type, location = excluded.location,
                            body = excluded.body, created_at = excluded.created_at
                        where k.created_at <= now() - cast(:retention as interval)""")
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code()).param("key", key)
                .param("fingerprint", result.fingerprint()).param("status", result.status())
                .param("contentType", result.contentType()).param("location", result.location())
                .param("body", result.body()).param("retention", retention)
                .update();
        return kept == 1 ? Optional.empty() : find(tenant, key);
    }

    private Optional<StoredResult> find(Tenant tenant, String key) {
        return jdbc.sql("""
                        select fingerprint, status, content_type, location, body from idempotency_keys
                        where platform_id = :platformId and mode = :mode and key = :key
                          and created_at > now() - cast(:retention as interval)""")
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code()).param("key", key)
                .param("retention", retention)
                .query((row, n) -> new StoredResult(row.getBytes(1), row.getInt(2), row.getString(3), row.getString(4),
                        row.getBytes(5)))
                .optional();
    }

    /** Whether this transaction holds the key, and what was kept under it. */
    record Claim(boolean taken, Optional<StoredResult> kept) {
    }
}
