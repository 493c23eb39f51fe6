package dev.kyra.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kyra.database.DatabaseNotifications;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Credential lookups every request makes, remembered so that a request does not cost a database
 * round trip. Bounded (Caffeine evicts the least useful entries past the maximum, instead of
 * forgetting everything at once), so memory never grows with what clients present.
 *
 * <p>A change that ends a credential forgets it on every node sharing the database: at once here
 * after the commit, and on the others as soon as the notification sent with the change's
 * transaction reaches them (within milliseconds). Should a node's listening connection drop, it
 * forgets everything, since what it missed is unknown; an entry is in any case never kept longer
 * than a minute, which bounds how stale a node can be while it cannot listen.
 */
final class RememberedLookups<K, V> {

    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);
    private static final int MAX_REMEMBERED = 10_000;

    private final Cache<K, Optional<V>> remembered = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBERED_FOR)
            .maximumSize(MAX_REMEMBERED)
            .build();
    private final boolean rememberAbsence;
    private final DatabaseNotifications notifications;
    private final String channel;

    /**
     * @param channel         where this lookup's changes are told to every node ({@code kyra_forget_…})
     * @param keyOf           reads a key back from its {@code toString()}, as notifications carry it
     * @param rememberAbsence whether "none" is remembered too, or only what was found
     */
    RememberedLookups(DatabaseNotifications notifications, String channel, Function<String, K> keyOf,
                      boolean rememberAbsence) {
        this.rememberAbsence = rememberAbsence;
        this.notifications = notifications;
        this.channel = channel;
        notifications.subscribe(channel, DatabaseNotifications.Subscriber.of(
                payload -> remembered.invalidate(keyOf.apply(payload)), remembered::invalidateAll));
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
     * Forgets the key on every node once the caller's transaction commits. Forgetting earlier would
     * let a request that reads the database before the commit remember the old state for another minute.
     */
    void forgetAfterCommit(K key) {
        notifications.publish(channel, key.toString()); // sent by PostgreSQL at the commit, and only then
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            remembered.invalidate(key);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                remembered.invalidate(key); // at once here, without waiting for the notification's round trip
            }
        });
    }
}
