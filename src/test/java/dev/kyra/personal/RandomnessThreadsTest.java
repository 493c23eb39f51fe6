package dev.kyra.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RandomnessThreadsTest {

    @Test
    void workFromAVirtualThreadRunsOnOneOfTheSealingThreadsAndKeepsItsFailures() throws Exception {
        AtomicReference<String> ranOn = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread request = Thread.ofVirtual().start(() -> {
            ranOn.set(RandomnessThreads.call(() -> Thread.currentThread().getName()));
            try {
                RandomnessThreads.call(() -> {
                    throw new IllegalStateException("AES-GCM encryption failed");
                });
            } catch (IllegalStateException e) {
                failed.set(e);
            }
        });
        request.join();

        assertThat(ranOn.get()).startsWith("kyra-sealing-");
        assertThat(failed.get()).as("the work's own exception, not a wrapper").hasMessage("AES-GCM encryption failed");
    }

    @Test
    void workAlreadyOnASealingThreadRunsInPlace() {
        String outer = RandomnessThreads.call(() -> Thread.currentThread().getName()
                + " " + RandomnessThreads.call(() -> Thread.currentThread().getName()));
        String[] names = outer.split(" ");
        assertThat(names[1]).as("no second hand-over, which could wait on a busy pool").isEqualTo(names[0]);
        assertThatThrownBy(() -> RandomnessThreads.call(() -> {
            throw new OutOfMemoryError("kept as it is");
        })).isInstanceOf(OutOfMemoryError.class);
    }
}
