package dev.kyra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RememberedLookupsTest {

    private final AtomicInteger lookUps = new AtomicInteger();

    private Optional<String> lookUp(String key) {
        lookUps.incrementAndGet();
        return key.startsWith("known") ? Optional.of("value of " + key) : Optional.empty();
    }

    @Test
    void aFoundValueIsLookedUpOnceUntilItIsForgotten() {
        RememberedLookups<String, String> remembered = new RememberedLookups<>(false);

        assertThat(remembered.get("known-1", this::lookUp)).contains("value of known-1");
        assertThat(remembered.get("known-1", this::lookUp)).contains("value of known-1");
        assertThat(lookUps).hasValue(1);

        remembered.forgetAfterCommit("known-1"); // no transaction here: forgotten at once
        remembered.get("known-1", this::lookUp);
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void absenceIsRememberedOnlyWhenAsked() {
        RememberedLookups<String, String> foundOnly = new RememberedLookups<>(false);
        foundOnly.get("unknown", this::lookUp);
        foundOnly.get("unknown", this::lookUp);
        assertThat(lookUps).as("a key that may appear any moment is asked for again").hasValue(2);

        RememberedLookups<String, String> withAbsence = new RememberedLookups<>(true);
        withAbsence.get("unknown", this::lookUp);
        assertThat(withAbsence.get("unknown", this::lookUp)).isEmpty();
        assertThat(lookUps).hasValue(3);
    }

    @Test
    void manyKeysDoNotEmptyTheWholeCacheAtOnce() {
        RememberedLookups<String, String> remembered = new RememberedLookups<>(false);
        remembered.get("known-hot", this::lookUp);
        for (int i = 0; i < 10_500; i++) {
            remembered.get("known-" + i, this::lookUp);
            remembered.get("known-hot", this::lookUp); // in use all along
        }
        int before = lookUps.get();
        remembered.get("known-hot", this::lookUp);
        assertThat(lookUps.get()).as("the hot key survived going past the bound").isEqualTo(before);
    }
}
