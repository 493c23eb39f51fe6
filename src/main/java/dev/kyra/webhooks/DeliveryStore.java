package dev.kyra.webhooks;

import dev.kyra.events.CustomerEvent;
import dev.kyra.events.EventLog;
import dev.kyra.ids.UuidV7;
import dev.kyra.platform.Mode;
import dev.kyra.platform.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery engine's statements: claiming due deliveries, keeping their rendered bodies, and
 * recording attempts. The two writes take many deliveries at once, so a worker's commits are shared
 * by the attempts in flight ({@link GroupCommit}).
 */
@Component
class DeliveryStore {

    private static final JsonMapper HEADERS_JSON = JsonMapper.builder().build();

    /** A claimed delivery with what its attempt needs: a retry reads nothing more. */
    record Claimed(UUID id, byte[] objectId, Tenant tenant, CustomerEvent event, long sequence, Instant occurredAt,
                   int attempts, int replays, String body, Endpoint endpoint) {
    }

    record Endpoint(UUID id, WebhookFace face, String url, boolean enabled, byte[] sealedKey) {
    }

    /** A body rendered by a first attempt, to keep. */
    record Body(UUID deliveryId, String json) {
    }

    /**
     * An attempt's end: what it came to, and where it leaves the delivery.
     *
     * @param status the delivery's next status, unless a replay came meanwhile
     * @param next when the next attempt is due, if there is one
     */
    record Outcome(Claimed delivery, Integer statusCode, int latencyMillis, String excerpt, String error,
                   Map<String, String> headers, String status, Instant next) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SealedBodies sealedBodies;

    DeliveryStore(JdbcClient jdbc, TransactionTemplate transactions, SealedBodies sealedBodies) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sealedBodies = sealedBodies;
    }

    /**
     * Leases up to {@code batch} due deliveries, each endpoint's oldest first and no more of one
     * endpoint's than {@code perEndpoint} less what it has in flight here: an endpoint with a backlog
     * is looked at by its own index range, so it never hides another's due deliveries. The conditions
     * that make a row due are on the locking select itself: a row another node claimed meanwhile is
     * re-checked against its new version there, and skipped.
     * The candidates are cut to the batch, a constant in the text the planner reads, rather than left
     * to its guess of a limit it cannot read.
     *
     * @param inFlight this node's attempts in flight, by endpoint
     */
    List<Claimed> claim(Map<UUID, Integer> inFlight, int perEndpoint, int batch, Duration lease) {
        UUID[] sendingTo = inFlight.keySet().toArray(UUID[]::new);
        Integer[] sendingCounts = inFlight.values().toArray(Integer[]::new);
        return plannedNow(() -> jdbc.sql("""
                        with candidates as (
                            select due.id, due.next_attempt_at
                            from webhook_endpoints w
                            left join unnest(cast(:sendingTo as uuid[]), cast(:sendingCounts as int[]))
                                 as sending(endpoint_id, in_flight) on sending.endpoint_id = w.id
                            cross join lateral (
                                select d.id, d.next_attempt_at from webhook_deliveries d
                                where d.endpoint_id = w.id and d.status = 'pending' and d.next_attempt_at <= now()
                                  and (d.lease_until is null or d.lease_until < now())
                                order by d.next_attempt_at
                                limit greatest(:perEndpoint - coalesce(sending.in_flight, 0), 0)) due
                            order by due.next_attempt_at limit %1$d),
                        claimed as (
                            select d.id from candidates c join webhook_deliveries d on d.id = c.id
                            where d.status = 'pending' and d.next_attempt_at <= now()
                              and (d.lease_until is null or d.lease_until < now())
                            order by c.next_attempt_at
                            for update of d skip locked)
                        update webhook_deliveries d set lease_until = now() + cast(:lease as interval), updated_at = now()
                        from claimed, customer_events e, webhook_endpoints w
                        where d.id = claimed.id and w.id = d.endpoint_id
                          and e.id = d.event_id and e.platform_id = d.platform_id and e.mode = d.mode
                        returning d.id, d.object_id, d.platform_id, d.mode, e.sequence, e.occurred_at, d.attempts,
                                  d.replays, d.body,
                                  case when d.body is null then %2$s end as event,
                                  w.id as endpoint_id, w.face, w.url, w.enabled, w.signing_key"""
                        .formatted(batch, EventLog.asJson("e")))
                .param("lease", lease.toMillis() + " milliseconds")
                .param("sendingTo", sendingTo).param("sendingCounts", sendingCounts)
                .param("perEndpoint", perEndpoint)
                .query((row, n) -> new Claimed(row.getObject("id", UUID.class), row.getBytes("object_id"),
                        new Tenant(row.getObject("platform_id", UUID.class), Mode.fromCode(row.getString("mode")).orElseThrow()),
                        row.getString("event") == null ? null : EventLog.fromJson(row.getString("event")).getFirst(),
                        row.getLong("sequence"), row.getTimestamp("occurred_at").toInstant(), row.getInt("attempts"),
                        row.getInt("replays"),
                        sealedBodies.open(row.getObject("id", UUID.class), row.getBytes("body")),
                        new Endpoint(row.getObject("endpoint_id", UUID.class), WebhookFace.fromCode(row.getString("face")),
                                row.getString("url"), row.getBoolean("enabled"), row.getBytes("signing_key"))))
                .list());
    }

    /*
     * The two writes below find their rows by "id = any(ids)" as well as by joining the arrays: with
     * the join alone, a plan made while the table was small hashes all of it, and stays cached.
     */

    /**
     * Keeps the bodies first attempts rendered, unless a body is kept already (another node's, after
     * a lease ran out): every retry sends, and signs, the same bytes. Returns the body kept for each.
     */
    List<String> keepBodies(List<Body> bodies) {
        Map<UUID, String> kept = new HashMap<>();
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        update webhook_deliveries d set body = coalesce(d.body, b.sealed)
                        from unnest(cast(:ids as uuid[]), cast(:bodies as bytea[])) as b(id, sealed)
                        where d.id = any(cast(:ids as uuid[])) and d.id = b.id
                        returning d.id, d.body""")
                .param("ids", bodies.stream().map(Body::deliveryId).toArray(UUID[]::new))
                .param("bodies", bodies.stream().map(body -> sealedBodies.seal(body.deliveryId(), body.json())).toArray(byte[][]::new))
                .query((row, n) -> {
                    UUID id = row.getObject("id", UUID.class);
                    return kept.put(id, sealedBodies.open(id, row.getBytes("body")));
                }).list());
        return bodies.stream().map(body -> kept.get(body.deliveryId())).toList();
    }

    /**
     * Logs the attempts and moves their deliveries on. A replay that came while an attempt was in
     * flight wins: its delivery stays due at once.
     */
    List<Void> record(List<Outcome> outcomes) {
        int count = outcomes.size();
        UUID[] ids = new UUID[count];
        UUID[] deliveries = new UUID[count];
        UUID[] platforms = new UUID[count];
        String[] modes = new String[count];
        Integer[] codes = new Integer[count];
        Integer[] latencies = new Integer[count];
        String[] excerpts = new String[count];
        String[] errors = new String[count];
        String[] headers = new String[count];
        Integer[] replays = new Integer[count];
        String[] statuses = new String[count];
        String[] nexts = new String[count];
        for (int i = 0; i < count; i++) {
            Outcome outcome = outcomes.get(i);
            ids[i] = UuidV7.next();
            deliveries[i] = outcome.delivery().id();
            platforms[i] = outcome.delivery().tenant().platformId();
            modes[i] = outcome.delivery().tenant().mode().code();
            codes[i] = outcome.statusCode();
            latencies[i] = outcome.latencyMillis();
            excerpts[i] = outcome.excerpt();
            errors[i] = outcome.error();
            headers[i] = HEADERS_JSON.writeValueAsString(outcome.headers());
            replays[i] = outcome.delivery().replays();
            statuses[i] = outcome.status();
            nexts[i] = outcome.next().toString();
        }
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                            insert into webhook_attempts (id, delivery_id, platform_id, mode, attempted_at, status_code,
                                latency_ms, response_excerpt, error, request_headers)
                            select a.id, a.delivery_id, a.platform_id, a.mode, now(), a.status_code, a.latency_ms, a.excerpt,
                                   a.error, cast(a.headers as jsonb)
                            from unnest(cast(:ids as uuid[]), cast(:deliveries as uuid[]), cast(:platforms as uuid[]),
                                        cast(:modes as text[]), cast(:codes as int[]), cast(:latencies as int[]),
                                        cast(:excerpts as text[]), cast(:errors as text[]), cast(:headers as text[]))
                                 as a(id, delivery_id, platform_id, mode, status_code, latency_ms, excerpt, error, headers)""")
                    .param("ids", ids).param("deliveries", deliveries).param("platforms", platforms).param("modes", modes)
                    .param("codes", codes).param("latencies", latencies).param("excerpts", excerpts).param("errors", errors)
                    .param("headers", headers)
                    .update();
            jdbc.sql("""
                            update webhook_deliveries d set attempts = d.attempts + 1, lease_until = null, updated_at = now(),
                                status = case when d.replays = f.replays then f.status else 'pending' end,
                                next_attempt_at = case when d.replays = f.replays then f.next else d.next_attempt_at end
                            from unnest(cast(:deliveries as uuid[]), cast(:platforms as uuid[]), cast(:modes as text[]),
                                        cast(:replays as int[]), cast(:statuses as text[]), cast(:nexts as timestamptz[]))
                                 as f(id, platform_id, mode, replays, status, next)
                            where d.id = any(cast(:deliveries as uuid[])) and d.id = f.id
                              and d.platform_id = f.platform_id and d.mode = f.mode""")
                    .param("deliveries", deliveries).param("platforms", platforms).param("modes", modes)
                    .param("replays", replays).param("statuses", statuses).param("nexts", nexts)
                    .update();
        });
        return java.util.Collections.nCopies(count, null);
    }

    /**
     * Runs the claim planned for the table as it is now. Planned once and kept, as a statement run
     * this often would be, its plan stays the one made when the table was small (hashing or scanning
     * it all, cheap then) until statistics are next gathered, a minute or more under load: every
     * claim meanwhile reads every delivery kept. Planning afresh costs a fraction of a millisecond a
     * claim of up to a batch.
     */
    private <T> T plannedNow(Supplier<T> statement) {
        return transactions.execute(status -> {
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
            return statement.get();
        });
    }
}
