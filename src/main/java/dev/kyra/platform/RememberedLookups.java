package dev.kyra.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Credential lookups every request makes, remembered for a minute so that a request does not cost a
 * database round trip. Bounded: emptied when full, so memory never grows with what clients present.
 * A change that ends a credential forgets it once committed, so it takes effect at once on this
 * node and within the minute on others sharing the database.
 */
final class RememberedLookups<K, V> {

    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);
    private static final int MAX_REMEMBERED = 10_000;

    private record Remembered<V>(Optional<V> value, Instant until) {
    }

    private final Map<K, Remembered<V>> remembered = new ConcurrentHashMap<>();
    private final boolean rememberAbsence;

    /** @param rememberAbsence whether "none" is remembered too, or only what was found */
    RememberedLookups(boolean rememberAbsence) {
        this.rememberAbsence = rememberAbsence;
    }

    Optional<V> get(K key, Function<K, Optional<V>> lookUp) {
        Instant now = Instant.now();
        Remembered<V> known = remembered.get(key);
        if (known != null && now.isBefore(known.until())) {
            return known.value();
        }
        Optional<V> found = lookUp.apply(key);
        if (found.isPresent() || rememberAbsence) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(key, new Remembered<>(found, now.plus(REMEMBERED_FOR)));
        }
        return found;
    }

    /**
     * Forgets the key once the caller's transaction commits. Forgetting earlier would let a request
     * that reads the database before the commit remember the old state for another minute.
     */
    void forgetAfterCommit(K key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            remembered.remove(key);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                remembered.remove(key);
            }
        });
    }
}
