package dev.kyra.platform;

import static dev.kyra.support.Eventually.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.database.DatabaseNotifications;
import dev.kyra.support.KyraIntegrationTest;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class RememberedLookupsTest extends KyraIntegrationTest {

    private static final String CHANNEL = "kyra_forget_test";

    @Autowired
    DatabaseNotifications notifications;

    @Autowired
    TransactionTemplate transactions;

    private final AtomicInteger lookUps = new AtomicInteger();

    private Optional<String> lookUp(String key) {
        lookUps.incrementAndGet();
        return key.startsWith("known") ? Optional.of("value of " + key) : Optional.empty();
    }

    private RememberedLookups<String, String> lookups(boolean rememberAbsence) {
        return new RememberedLookups<>(notifications, CHANNEL, key -> key, rememberAbsence);
    }

    @Test
    void aFoundValueIsLookedUpOnceUntilItIsForgotten() {
        RememberedLookups<String, String> remembered = lookups(false);

        assertThat(remembered.get("known-1", this::lookUp)).contains("value of known-1");
        assertThat(remembered.get("known-1", this::lookUp)).contains("value of known-1");
        assertThat(lookUps).hasValue(1);

        remembered.forgetAfterCommit("known-1"); // no transaction here: forgotten at once
        remembered.get("known-1", this::lookUp);
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void aChangeMadeElsewhereIsForgottenWhenItsTransactionCommits() {
        RememberedLookups<String, String> here = lookups(false);
        RememberedLookups<String, String> onAnotherNode = lookups(false); // hears only the notification
        awaitListening();
        assertThat(onAnotherNode.get("known-2", key -> Optional.of("old"))).contains("old");

        transactions.executeWithoutResult(status -> here.forgetAfterCommit("known-2"));
        awaitTrue(() -> onAnotherNode.get("known-2", key -> Optional.of("new")).orElseThrow().equals("new"),
                "the other lookup is asked again once the change commits");

        onAnotherNode.get("known-3", this::lookUp);
        transactions.executeWithoutResult(status -> {
            here.forgetAfterCommit("known-3");
            status.setRollbackOnly();
        });
        awaitListening(); // a notification sent after the rollback has arrived, so one from it would have too
        onAnotherNode.get("known-3", this::lookUp);
        assertThat(lookUps).as("a rolled-back change tells no one").hasValue(1);
    }

    @Test
    void losingTheListeningConnectionForgetsEverything() {
        RememberedLookups<String, String> remembered = lookups(false);
        awaitListening();
        remembered.get("known-4", this::lookUp);
        remembered.get("known-4", this::lookUp);
        assertThat(lookUps).as("remembered while listening").hasValue(1);

        jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where query like 'listen kyra_%'")
                .query(Object.class).list();
        awaitTrue(() -> {
            remembered.get("known-4", this::lookUp);
            return lookUps.get() > 1;
        }, "what was remembered while a notification could have been missed is looked up again");
        awaitListening(); // and the node listens again
    }

    @Test
    void absenceIsRememberedOnlyWhenAsked() {
        RememberedLookups<String, String> foundOnly = lookups(false);
        RememberedLookups<String, String> withAbsence = lookups(true);
        awaitListening();
        foundOnly.get("unknown", this::lookUp);
        foundOnly.get("unknown", this::lookUp);
        assertThat(lookUps).as("a key that may appear any moment is asked for again").hasValue(2);

        withAbsence.get("unknown", this::lookUp);
        assertThat(withAbsence.get("unknown", this::lookUp)).isEmpty();
        assertThat(lookUps).hasValue(3);
    }

    @Test
    void manyKeysDoNotEmptyTheWholeCacheAtOnce() {
        RememberedLookups<String, String> remembered = lookups(false);
        awaitListening(); // so no "may have missed" empties it during the loop
        remembered.get("known-hot", this::lookUp);
        for (int i = 0; i < 10_500; i++) {
            remembered.get("known-" + i, this::lookUp);
            remembered.get("known-hot", this::lookUp); // in use all along
        }
        int before = lookUps.get();
        remembered.get("known-hot", this::lookUp);
        assertThat(lookUps.get()).as("the hot key survived going past the bound").isEqualTo(before);
    }

    /** Returns once a notification sent now on the test channel has been heard, so the channel is listened to. */
    private void awaitListening() {
        String probe = "probe-" + UUID.randomUUID();
        Set<String> heard = ConcurrentHashMap.newKeySet();
        notifications.subscribe(CHANNEL, DatabaseNotifications.Subscriber.of(heard::add, () -> { }));
        awaitTrue(() -> {
            notifications.publish(CHANNEL, probe);
            return heard.contains(probe);
        }, "the test channel is listened to");
    }
}
