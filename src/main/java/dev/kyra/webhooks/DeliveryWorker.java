package dev.kyra.webhooks;

import dev.kyra.customer.CustomerDetails;
import dev.kyra.customer.CustomerRef;
import dev.kyra.customer.CustomerService;
import dev.kyra.events.CustomerEvent;
import dev.kyra.events.EventLog;
import dev.kyra.ids.UuidV7;
import dev.kyra.platform.Mode;
import dev.kyra.platform.Tenant;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the outbox (decision D8). One dispatcher per node waits for the outbox's notification, an
 * attempt's end or {@code pollInterval}, claims due deliveries with {@code FOR UPDATE SKIP LOCKED} and a lease, and
 * sends each on a virtual thread: no transaction is open during an HTTP call, two nodes never hold
 * one delivery at once, and a killed node's leases run out for another node to take over. An endpoint
 * has at most {@code perEndpointConcurrency} attempts in flight, so a slow one delays only itself.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int BATCH = 32;
    private static final int EXCERPT_BYTES = 1024;
    private static final JsonMapper HEADERS_JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final EventLog events;
    private final CustomerService customers;
    private final WebhookEndpoints endpoints;
    private final Map<WebhookFace, WebhookRenderer> renderers;
    private final WebhookProperties settings;
    private final Clock clock;
    private final Duration lease;
    private final ConcurrentHashMap<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final WebhookHttp http;
    private final Semaphore wake = new Semaphore(0);
    private volatile Thread dispatcher;
    private volatile Thread listener;

    DeliveryWorker(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, EventLog events,
                   CustomerService customers, WebhookEndpoints endpoints, TargetPolicy targets,
                   List<WebhookRenderer> renderers, WebhookProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.events = events;
        this.customers = customers;
        this.endpoints = endpoints;
        this.renderers = new java.util.EnumMap<>(WebhookFace.class);
        renderers.forEach(renderer -> this.renderers.put(renderer.face(), renderer));
        this.settings = settings;
        this.clock = clock;
        // long enough for every attempt an endpoint may queue behind, so a live claim never runs out, and
        // no longer: a killed node's claims wait this long for another node
        this.lease = settings.timeout().multipliedBy(settings.perEndpointConcurrency() + 2L);
        this.http = new WebhookHttp(targets, settings.timeout(), settings.perEndpointConcurrency(), EXCERPT_BYTES);
    }

    @Override
    public void start() {
        // assigned before they run: each loop runs while its thread is the one assigned
        Thread dispatching = Thread.ofPlatform().name("kyra-webhooks").daemon().unstarted(this::dispatch);
        Thread listening = Thread.ofPlatform().name("kyra-webhooks-listener").daemon().unstarted(this::listen);
        dispatcher = dispatching;
        listener = listening;
        dispatching.start();
        listening.start();
    }

    @Override
    public void stop() {
        Thread dispatching = dispatcher;
        Thread listening = listener;
        dispatcher = null;
        listener = null;
        for (Thread thread : new Thread[] {dispatching, listening}) {
            if (thread != null) {
                thread.interrupt();
            }
        }
        senders.shutdownNow();
        try {
            http.close();
        } catch (IOException e) {
            log.debug("webhook client closed uncleanly: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return dispatcher != null;
    }

    /**
     * Claims and hands out what is due until nothing more can be claimed — nothing is due, or every
     * endpoint with due deliveries has its attempts in flight — then waits to be woken: by a new
     * delivery's notification, by an attempt's end (its endpoint may take the next one), or by the
     * poll interval.
     */
    private void dispatch() {
        while (dispatcher == Thread.currentThread()) {
            try {
                while (claimAndSend() > 0) {
                    // claimed some: there may be more to claim at once
                }
            } catch (RuntimeException e) {
                log.debug("webhook dispatch paused: {}", e.toString());
            }
            try {
                wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Listens for the outbox's notifications (held back by PostgreSQL until their commit) and wakes the dispatcher. */
    private void listen() {
        Connection connection = null;
        while (listener == Thread.currentThread()) {
            try {
                if (connection == null) {
                    connection = listening();
                }
                PGNotification[] notifications = connection.unwrap(PGConnection.class)
                        .getNotifications((int) settings.pollInterval().toMillis());
                if (notifications != null && notifications.length > 0) {
                    wake.release();
                }
            } catch (SQLException | RuntimeException e) {
                connection = closeQuietly(connection);
                log.debug("webhook listener paused: {}", e.toString());
                if (!pause(settings.pollInterval())) {
                    return;
                }
            }
        }
        closeQuietly(connection);
    }

    private Connection listening() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("listen " + Outbox.CHANNEL);
        }
        return connection;
    }

    /** Claims what is due and hands each to a sender; returns how many it claimed. */
    private int claimAndSend() {
        // each endpoint's attempts in flight here: it is given only what its limit leaves
        List<Map.Entry<UUID, Integer>> sending = inFlight.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue().get())).filter(entry -> entry.getValue() > 0).toList();
        UUID[] sendingTo = sending.stream().map(Map.Entry::getKey).toArray(UUID[]::new);
        Integer[] sendingCounts = sending.stream().map(Map.Entry::getValue).toArray(Integer[]::new);
        // the conditions that make a row due are on the locking select itself: a row another node claimed
        // meanwhile is re-checked against its new version there, and skipped (a subquery's filter would not be)
        List<Claimed> claimed = jdbc.sql("""
                        with claimed as (
                            select id from webhook_deliveries
                            where status = 'pending' and next_attempt_at <= now()
                              and (lease_until is null or lease_until < now())
                              and id in (select due.id from (
                                    select id, endpoint_id,
                                           row_number() over (partition by endpoint_id order by next_attempt_at) as place
                                    from webhook_deliveries
                                    where status = 'pending' and next_attempt_at <= now()
                                      and (lease_until is null or lease_until < now())) due
                                left join unnest(cast(:sendingTo as uuid[]), cast(:sendingCounts as int[]))
                                     as sending(endpoint_id, in_flight) on sending.endpoint_id = due.endpoint_id
                                where due.place <= :perEndpoint - coalesce(sending.in_flight, 0))
                            order by next_attempt_at limit :batch
                            for update skip locked)
                        update webhook_deliveries d set lease_until = now() + cast(:lease as interval), updated_at = now()
                        from claimed, customer_events e, webhook_endpoints w
                        where d.id = claimed.id and e.id = d.event_id and w.id = d.endpoint_id
                        returning d.id, d.object_id, d.platform_id, d.mode, d.event_id, e.sequence, d.attempts, d.replays,
                                  d.body, w.id as endpoint_id, w.face, w.url, w.enabled, w.signing_key""")
                .param("lease", lease.toMillis() + " milliseconds")
                .param("sendingTo", sendingTo).param("sendingCounts", sendingCounts)
                .param("perEndpoint", settings.perEndpointConcurrency()).param("batch", BATCH)
                .query((row, n) -> new Claimed(row.getObject("id", UUID.class), row.getBytes("object_id"),
                        new Tenant(row.getObject("platform_id", UUID.class), Mode.fromCode(row.getString("mode")).orElseThrow()),
                        row.getObject("event_id", UUID.class), row.getLong("sequence"), row.getInt("attempts"),
                        row.getInt("replays"), row.getString("body"),
                        new Endpoint(row.getObject("endpoint_id", UUID.class), WebhookFace.fromCode(row.getString("face")),
                                row.getString("url"), row.getBoolean("enabled"), row.getBytes("signing_key"))))
                .list();
        for (Claimed delivery : claimed) {
            UUID endpointId = delivery.endpoint().id();
            inFlight.computeIfAbsent(endpointId, id -> new AtomicInteger()).incrementAndGet();
            senders.submit(() -> {
                try {
                    attempt(delivery);
                } catch (RuntimeException e) {
                    // counted as a failed attempt, so a delivery that cannot be made runs out of attempts
                    log.warn("webhook delivery {} could not be attempted: {}", delivery.id(), e.toString());
                    finish(delivery, Outcome.refused("Kyra could not make the attempt: " + e.getClass().getSimpleName()), false);
                } finally {
                    inFlight.get(endpointId).decrementAndGet();
                    wake.release(); // the endpoint may take its next delivery
                }
            });
        }
        return claimed.size();
    }

    private void attempt(Claimed delivery) {
        Endpoint endpoint = delivery.endpoint();
        if (!endpoint.enabled()) {
            finish(delivery, Outcome.refused("the endpoint is disabled"), true);
            return;
        }
        WebhookRenderer renderer = renderers.get(endpoint.face());
        String body = body(delivery, renderer);
        URI url = URI.create(endpoint.url());
        String key = endpoints.signingKey(delivery.tenant(), endpoint.id(), endpoint.sealedKey());
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Kyra-Webhooks/1");
        headers.put("Kyra-Sequence", Long.toString(delivery.sequence()));
        headers.putAll(renderer.signatureHeaders(body, key, clock.instant()));
        long started = System.nanoTime();
        try {
            WebhookHttp.Answer answer = http.post(url, headers, body);
            finish(delivery, new Outcome(answer.statusCode(), millisSince(started), answer.excerpt(), null, headers), false);
        } catch (WebhookHttp.InternalTargetException e) {
            finish(delivery, new Outcome(null, millisSince(started), null, e.getMessage(), headers), false);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // shutting down: the lease runs out and the attempt is made again
            }
            finish(delivery, new Outcome(null, millisSince(started), null, e.getClass().getSimpleName(), headers), false);
        }
    }

    /** The stored body; rendered (and stored) only by the first attempt, so a retry reads no customer. */
    private String body(Claimed delivery, WebhookRenderer renderer) {
        if (delivery.body() != null) {
            return delivery.body();
        }
        CustomerEvent event = events.find(delivery.tenant(), delivery.eventId()).orElseThrow();
        CustomerDetails customer = customers.get(delivery.tenant(), CustomerRef.id(event.customerId()));
        String rendered = renderer.render(new WebhookRenderer.Delivery(delivery.objectId(), event), customer);
        // the first rendering is kept: every retry sends, and signs, the same bytes
        return jdbc.sql("update webhook_deliveries set body = coalesce(body, :body) where id = :id returning body")
                .param("body", rendered).param("id", delivery.id()).query(String.class).single();
    }

    /**
     * Logs the attempt and moves the delivery on: delivered, tried again later, or failed for good. A
     * replay that came while the attempt was in flight wins: the delivery stays due at once.
     */
    private void finish(Claimed delivery, Outcome outcome, boolean giveUp) {
        int attempts = delivery.attempts() + 1;
        boolean delivered = outcome.statusCode() != null && outcome.statusCode() / 100 == 2;
        boolean failed = !delivered && (giveUp || attempts >= settings.maxAttempts());
        Instant next = clock.instant().plus(settings.delayAfter(attempts, ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                            insert into webhook_attempts (id, delivery_id, platform_id, mode, attempted_at, status_code,
                                latency_ms, response_excerpt, error, request_headers)
                            values (:id, :delivery, :platformId, :mode, now(), :status, :latency, :excerpt, :error,
                                cast(:headers as jsonb))""")
                    .param("id", UuidV7.next()).param("delivery", delivery.id())
                    .param("platformId", delivery.tenant().platformId()).param("mode", delivery.tenant().mode().code())
                    .param("status", outcome.statusCode()).param("latency", outcome.latencyMillis())
                    .param("excerpt", outcome.excerpt()).param("error", outcome.error())
                    .param("headers", HEADERS_JSON.writeValueAsString(outcome.headers()))
                    .update();
            jdbc.sql("""
                            update webhook_deliveries set attempts = attempts + 1, lease_until = null, updated_at = now(),
                                status = case when replays = :replays then :status else 'pending' end,
                                next_attempt_at = case when replays = :replays then :next else next_attempt_at end
                            where id = :id and platform_id = :platformId and mode = :mode""")
                    .param("replays", delivery.replays())
                    .param("status", delivered ? "delivered" : failed ? "failed" : "pending")
                    .param("next", Timestamp.from(next)).param("id", delivery.id())
                    .param("platformId", delivery.tenant().platformId()).param("mode", delivery.tenant().mode().code())
                    .update();
        });
    }

    private static int millisSince(long started) {
        return (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static Connection closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // a broken listener connection is only discarded
            }
        }
        return null;
    }

    /** A claimed delivery with what its attempt needs: a retry reads nothing more. */
    private record Claimed(UUID id, byte[] objectId, Tenant tenant, UUID eventId, long sequence, int attempts, int replays,
                           String body, Endpoint endpoint) {
    }

    private record Endpoint(UUID id, WebhookFace face, String url, boolean enabled, byte[] sealedKey) {
    }

    /** What an attempt came to: a status code and the answer's start, or the error that stopped it. */
    private record Outcome(Integer statusCode, int latencyMillis, String excerpt, String error, Map<String, String> headers) {

        static Outcome refused(String why) {
            return new Outcome(null, 0, null, why, Map.of());
        }
    }
}
