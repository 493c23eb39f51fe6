package dev.kyra.web;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many heavy requests (a list of a whole tenant, say) may run at once: per credential, per
 * platform and on this node in all. A request that would go past any of them is refused at once
 * (429) rather than queued, so one tenant's burst cannot take the threads, memory and connections that
 * other tenants' requests need. Counts are per node; a cluster-wide rate limit is a separate matter.
 */
@Component
public class ConcurrencyLimits {

    private final int perCredential;
    private final int perPlatform;
    private final int total;
    private final ConcurrentHashMap<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final AtomicInteger runningInAll = new AtomicInteger();

    ConcurrencyLimits(@Value("${kyra.http.heavy-requests.per-credential:2}") int perCredential,
                      @Value("${kyra.http.heavy-requests.per-platform:3}") int perPlatform,
                      @Value("${kyra.http.heavy-requests.total:6}") int total) {
        this.perCredential = perCredential;
        this.perPlatform = perPlatform;
        this.total = total;
    }

    /** A slot for one heavy request of this credential and platform, or empty when one of them is full. */
    public Optional<Permit> tryAcquire(String credential, String platform) {
        String credentialKey = "credential:" + credential;
        String platformKey = "platform:" + platform;
        if (!take(credentialKey, perCredential)) {
            return Optional.empty();
        }
        if (!take(platformKey, perPlatform)) {
            give(credentialKey);
            return Optional.empty();
        }
        if (runningInAll.incrementAndGet() > total) {
            runningInAll.decrementAndGet();
            give(platformKey);
            give(credentialKey);
            return Optional.empty();
        }
        return Optional.of(new Permit(this, credentialKey, platformKey));
    }

    private boolean take(String key, int limit) {
        AtomicInteger count = running.computeIfAbsent(key, k -> new AtomicInteger());
        if (count.incrementAndGet() > limit) {
            count.decrementAndGet();
            return false;
        }
        return true;
    }

    private void give(String key) {
        // an entry at zero is removed, so keys of idle callers do not accumulate
        running.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** A held slot; close it when the request is done, whatever happened. */
    public static final class Permit implements AutoCloseable {

        private final ConcurrencyLimits limits;
        private final String credentialKey;
        private final String platformKey;
        private boolean closed;

        private Permit(ConcurrencyLimits limits, String credentialKey, String platformKey) {
            this.limits = limits;
            this.credentialKey = credentialKey;
            this.platformKey = platformKey;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                limits.runningInAll.decrementAndGet();
                limits.give(platformKey);
                limits.give(credentialKey);
            }
        }
    }
}
