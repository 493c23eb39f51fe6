package dev.kyra.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How many heavy requests (a list of a whole tenant, say) may run at once: per credential, per
 * platform and on this node in all. A request past a limit waits its turn, in order, for up to
 * {@code maxWait}; one that would wait longer, or find too many already waiting for its credential, is
 * refused (429). Waiting costs a parked virtual thread and nothing else, so one tenant's burst neither
 * takes the CPU, memory and connections other tenants need nor turns into a storm of refusals that
 * the client answers by asking again at once. Counts are per node; cluster-wide rate limits are a
 * separate matter. A semaphore is kept per credential and per platform that has ever asked: as many
 * as there are credentials, a few bytes each.
 */
@Component
public class ConcurrencyLimits {

    private final int perCredential;
    private final int perPlatform;
    private final int maxWaitingPerCredential;
    private final Duration maxWait;
    private final Semaphore total;
    private final ConcurrentHashMap<String, Semaphore> credentials = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Semaphore> platforms = new ConcurrentHashMap<>();

    @Autowired
    ConcurrencyLimits(HttpProperties http) {
        this(http.heavyRequests().perCredential(), http.heavyRequests().perPlatform(), http.heavyRequests().total(),
                http.heavyRequests().maxWaitingPerCredential(), http.heavyRequests().maxWait());
    }

    ConcurrencyLimits(int perCredential, int perPlatform, int total, int maxWaitingPerCredential, Duration maxWait) {
        this.perCredential = perCredential;
        this.perPlatform = perPlatform;
        this.maxWaitingPerCredential = maxWaitingPerCredential;
        this.maxWait = maxWait;
        this.total = new Semaphore(total, true);
    }

    /**
     * A slot for one heavy request of this credential and platform, waited for as described above;
     * empty when the request is refused.
     */
    public Optional<Permit> acquire(String credential, String platform) {
        Semaphore mine = credentials.computeIfAbsent(credential, key -> new Semaphore(perCredential, true));
        if (mine.getQueueLength() >= maxWaitingPerCredential) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        List<Semaphore> held = new ArrayList<>(3);
        try {
            for (Semaphore limit : List.of(mine, platforms.computeIfAbsent(platform,
                    key -> new Semaphore(perPlatform, true)), total)) {
                if (!limit.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    held.forEach(Semaphore::release);
                    return Optional.empty();
                }
                held.add(limit);
            }
            return Optional.of(new Permit(held));
        } catch (InterruptedException e) {
            held.forEach(Semaphore::release);
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A held slot; close it when the request is done, whatever happened. */
    public static final class Permit implements AutoCloseable {

        private final List<Semaphore> held;
        private boolean closed;

        private Permit(List<Semaphore> held) {
            this.held = List.copyOf(held);
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                held.forEach(Semaphore::release);
            }
        }
    }
}
