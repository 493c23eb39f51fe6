package dev.kyra.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Credential lookups every request makes, remembered for a minute so that a request does not cost a
 * database round trip. Bounded (Caffeine evicts the least useful entries past the maximum, instead of
 * forgetting everything at once), so memory never grows with what clients present. A change that
 * ends a credential forgets it once committed, so it takes effect at once on this node and within the
 * minute on others sharing the database.
 */
final class RememberedLookups<K, V> {

    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);
    private static final int MAX_REMEMBERED = 10_000;

    private final Cache<K, Optional<V>> remembered = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBERED_FOR)
            .maximumSize(MAX_REMEMBERED)
            .build();
    private final boolean rememberAbsence;

    /** @param rememberAbsence whether "none" is remembered too, or only what was found */
    RememberedLookups(boolean rememberAbsence) {
        this.rememberAbsence = rememberAbsence;
    }

    Optional<V> get(K key, Function<K, Optional<V>> lookUp) {
        Optional<V> known = remembered.getIfPresent(key);
        if (known != null) {
            return known;
        }
        Optional<V> found = lookUp.apply(key);
        if (found.isPresent() || rememberAbsence) {
            remembered.put(key, found);
        }
        return found;
    }

    /**
     * Forgets the key once the caller's transaction commits. Forgetting earlier would let a request
     * that reads the database before the commit remember the old state for another minute.
     */
    void forgetAfterCommit(K key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            remembered.invalidate(key);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                remembered.invalidate(key);
            }
        });
    }
}
