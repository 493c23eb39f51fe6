package dev.kyra.webhooks;

import dev.kyra.customer.CustomerDetails;
import dev.kyra.customer.CustomerService;
import dev.kyra.database.BackgroundLoop;
import dev.kyra.platform.Tenant;
import dev.kyra.webhooks.DeliveryStore.Claimed;
import dev.kyra.webhooks.DeliveryStore.Endpoint;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox (decision D8). One dispatcher per node claims due deliveries with a lease
 * ({@link DeliveryStore#claim}) until it can claim no more, then waits to be woken — by the outbox's
 * notification, by an attempt's end, or by {@code pollInterval}. Each attempt runs on a virtual thread
 * with no transaction open; the bodies first attempts render and the outcomes of attempts are written
 * in shared transactions ({@link GroupCommit}). Two nodes never hold one delivery at once, and a
 * killed node's leases run out for another node to take over. An endpoint has at most
 * {@code perEndpointConcurrency} attempts in flight, so a slow one delays only itself.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int BATCH = 64;
    private static final int EXCERPT_BYTES = 1024;
    /** Connections kept per receiving host: several endpoints may share one. */
    private static final int CONNECTIONS_PER_HOST = 64;
    /** How long a woken dispatcher, with many attempts in flight, waits for more of them to end. */
    private static final Duration GATHER = Duration.ofMillis(10);
    /** From how many attempts in flight the dispatcher gathers their ends before it claims. */
    private static final int GATHER_FROM = 8;

    private final DeliveryStore store;
    private final CustomerService customers;
    private final WebhookEndpoints endpoints;
    private final Map<WebhookFace, WebhookRenderer> renderers = new EnumMap<>(WebhookFace.class);
    private final WebhookProperties settings;
    private final WebhookMetrics metrics;
    private final Clock clock;
    private final Duration lease;
    private final ConcurrentHashMap<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final TargetPolicy targets;
    private final Semaphore wake = new Semaphore(0);
    // made by start() and closed by stop(): a context may be stopped and started again (Spring's tests
    // pause the contexts they are not using)
    private volatile ExecutorService senders;
    private volatile WebhookHttp http;
    private volatile GroupCommit<DeliveryStore.Body, String> bodies;
    private volatile GroupCommit<DeliveryStore.Outcome, Void> outcomes;
    private final BackgroundLoop dispatcher = new BackgroundLoop("kyra-webhooks", false);

    DeliveryWorker(DeliveryWake deliveryWake, DeliveryStore store, CustomerService customers, WebhookEndpoints endpoints,
                   TargetPolicy targets, List<WebhookRenderer> renderers, WebhookProperties settings, WebhookMetrics metrics,
                   Clock clock) {
        this.metrics = metrics;
        deliveryWake.whenWoken(wake::release);
        this.store = store;
        this.customers = customers;
        this.endpoints = endpoints;
        renderers.forEach(renderer -> this.renderers.put(renderer.face(), renderer));
        this.settings = settings;
        this.clock = clock;
        // an attempt starts as soon as it is claimed and may wait a timeout for a connection and another for
        // the answer: three timeouts cover it with room, so a live claim never runs out, and a killed node's
        // claims wait no longer than that for another node
        this.lease = settings.timeout().multipliedBy(3);
        this.targets = targets;
    }

    @Override
    public void start() {
        senders = Executors.newVirtualThreadPerTaskExecutor();
        http = new WebhookHttp(targets, settings.timeout(), CONNECTIONS_PER_HOST, EXCERPT_BYTES);
        bodies = new GroupCommit<>("kyra-webhook-bodies", BATCH, store::keepBodies);
        outcomes = new GroupCommit<>("kyra-webhook-outcomes", BATCH, store::record);
        dispatcher.start(this::dispatch);
    }

    @Override
    public void stop() {
        dispatcher.stop(Duration.ZERO);
        senders.shutdownNow();
        bodies.close();
        outcomes.close();
        try {
            http.close();
        } catch (IOException e) {
            log.debug("webhook client closed uncleanly: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return dispatcher.isRunning();
    }

    /** Claims and hands out what is due until nothing more can be claimed, then waits to be woken. */
    private void dispatch() {
        while (dispatcher.isCurrent()) {
            try {
                while (claimAndSend() == BATCH) {
                    // a full batch: there may be more to claim at once. Any less, and what is due is
                    // all claimed or the endpoints are full; an attempt's end or a commit wakes it again
                }
            } catch (RuntimeException e) {
                log.debug("webhook dispatch paused: {}", e.toString());
            }
            try {
                if (wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    gatherEnds();
                }
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Each attempt that ends wakes the dispatcher. With many in flight, a claim per end would take a
     * row or two at a time, and a claim costs the database about as much for one row as for twenty:
     * let half of them end (or {@link #GATHER} pass) so that one claim fills all their places. With
     * few in flight, as when a commit wakes an idle dispatcher, it claims at once.
     */
    private void gatherEnds() throws InterruptedException {
        int flying = inFlight.values().stream().mapToInt(AtomicInteger::get).sum();
        if (flying >= GATHER_FROM) {
            wake.tryAcquire(flying / 2 - 1, GATHER.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Claims what is due and hands each to a sender; returns how many it claimed. */
    private int claimAndSend() {
        Map<UUID, Integer> sending = inFlight.entrySet().stream().filter(entry -> entry.getValue().get() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get()));
        List<Claimed> claimed = store.claim(sending, settings.perEndpointConcurrency(), BATCH, lease);
        Map<Tenant, CompletableFuture<Map<UUID, CustomerDetails>>> customersRead = readCustomers(claimed);
        for (Claimed delivery : claimed) {
            UUID endpointId = delivery.endpoint().id();
            inFlight.computeIfAbsent(endpointId, id -> new AtomicInteger()).incrementAndGet();
            senders.submit(() -> {
                try {
                    attempt(delivery, customersRead);
                } catch (InterruptedException e) {
                    // shutting down: the lease runs out and the attempt is made again
                } catch (RuntimeException e) {
                    // counted as a failed attempt, so a delivery that cannot be made runs out of attempts
                    log.warn("webhook delivery {} could not be attempted: {}", delivery.id(), e.toString());
                    finishQuietly(delivery, "Kyra could not make the attempt: " + e.getClass().getSimpleName());
                } finally {
                    inFlight.get(endpointId).decrementAndGet();
                    wake.release(); // the endpoint may take its next delivery
                }
            });
        }
        return claimed.size();
    }

    /**
     * The customers whose events the claim's first attempts render, read together: one statement per
     * tenant of the claim (not one per event), and once for an event claimed for several endpoints (a
     * Blaaiz and an Allawee subscription). Retries read none: their bodies are kept; nor do attempts
     * to a disabled endpoint, which send nothing.
     */
    private Map<Tenant, CompletableFuture<Map<UUID, CustomerDetails>>> readCustomers(List<Claimed> claimed) {
        Map<Tenant, Set<UUID>> rendered = new HashMap<>();
        for (Claimed delivery : claimed) {
            if (delivery.body() == null && delivery.endpoint().enabled()) {
                rendered.computeIfAbsent(delivery.tenant(), tenant -> new HashSet<>()).add(delivery.event().customerId());
            }
        }
        Map<Tenant, CompletableFuture<Map<UUID, CustomerDetails>>> reads = new HashMap<>();
        rendered.forEach((tenant, ids) -> reads.put(tenant,
                CompletableFuture.supplyAsync(() -> customers.getAll(tenant, ids), senders)));
        return reads;
    }

    private void attempt(Claimed delivery, Map<Tenant, CompletableFuture<Map<UUID, CustomerDetails>>> customersRead)
            throws InterruptedException {
        Endpoint endpoint = delivery.endpoint();
        if (!endpoint.enabled()) {
            finish(delivery, null, 0, null, "the endpoint is disabled", Map.of(), true);
            return;
        }
        WebhookRenderer renderer = renderers.get(endpoint.face());
        String body = body(delivery, renderer, customersRead);
        String key = endpoints.signingKey(delivery.tenant(), endpoint.id(), endpoint.sealedKey());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Kyra-Webhooks/1");
        headers.put("Kyra-Sequence", Long.toString(delivery.sequence()));
        headers.putAll(renderer.signatureHeaders(body, key, clock.instant()));
        long started = System.nanoTime();
        try {
            WebhookHttp.Answer answer = http.post(URI.create(endpoint.url()), headers, body);
            finish(delivery, answer.statusCode(), millisSince(started), answer.excerpt(), null, headers, false);
        } catch (WebhookHttp.InternalTargetException e) {
            finish(delivery, null, millisSince(started), null, e.getMessage(), headers, false);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("shutting down");
            }
            finish(delivery, null, millisSince(started), null, e.getClass().getSimpleName(), headers, false);
        }
    }

    /** The kept body; rendered (and kept) only by the first attempt, so a retry reads no customer. */
    private String body(Claimed delivery, WebhookRenderer renderer,
                        Map<Tenant, CompletableFuture<Map<UUID, CustomerDetails>>> customersRead) throws InterruptedException {
        if (delivery.body() != null) {
            return delivery.body();
        }
        UUID customerId = delivery.event().customerId();
        CustomerDetails customer = customersRead.get(delivery.tenant()).join().get(customerId);
        if (customer == null) {
            throw new IllegalStateException("customer " + customerId + " of the event is gone");
        }
        String rendered = renderer.render(new WebhookRenderer.Delivery(delivery.objectId(), delivery.event()), customer);
        return bodies.submit(new DeliveryStore.Body(delivery.id(), rendered));
    }

    /** Records the attempt: delivered on a 2xx, else tried again later, or failed once out of attempts. */
    private void finish(Claimed delivery, Integer statusCode, int latencyMillis, String excerpt, String error,
                        Map<String, String> headers, boolean giveUp) throws InterruptedException {
        int attempts = delivery.attempts() + 1;
        boolean delivered = statusCode != null && statusCode / 100 == 2;
        boolean failed = !delivered && (giveUp || attempts >= settings.maxAttempts());
        if (!giveUp) {
            metrics.attempted(delivery.endpoint(), delivered, latencyMillis, delivery.occurredAt());
        }
        if (failed) {
            metrics.gaveUp(delivery.endpoint());
        }
        Instant next = clock.instant().plus(settings.delayAfter(attempts, ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
        outcomes.submit(new DeliveryStore.Outcome(delivery, statusCode, latencyMillis, excerpt, error, headers,
                delivered ? "delivered" : failed ? "failed" : "pending", next));
    }

    private void finishQuietly(Claimed delivery, String error) {
        try {
            finish(delivery, null, 0, null, error, Map.of(), false);
        } catch (InterruptedException | RuntimeException e) {
            log.warn("webhook delivery {} could not be recorded: {}", delivery.id(), e.toString());
        }
    }

    private static int millisSince(long started) {
        return (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
