package dev.kyra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitsTest {

    private final ConcurrencyLimits limits = new ConcurrencyLimits(2, 3, 4, 1, Duration.ofMillis(200));

    @Test
    void aCredentialRunsAtMostItsShareAndIsRefusedWhenTheWaitRunsOut() {
        ConcurrencyLimits.Permit first = limits.acquire("client-a", "platform-1").orElseThrow();
        limits.acquire("client-a", "platform-1").orElseThrow();

        assertThat(limits.acquire("client-a", "platform-1")).as("refused once the wait runs out").isEmpty();
        first.close();
        first.close(); // a second close gives nothing back twice
        assertThat(limits.acquire("client-a", "platform-1")).isPresent();
        assertThat(limits.acquire("client-a", "platform-1")).isEmpty();
    }

    @Test
    void theNextRequestWaitsItsTurnAndOneMoreThanMayWaitIsRefusedAtOnce() throws Exception {
        ConcurrencyLimits patient = new ConcurrencyLimits(1, 3, 4, 1, Duration.ofSeconds(30));
        ConcurrencyLimits.Permit running = patient.acquire("client-a", "platform-1").orElseThrow();
        CompletableFuture<Optional<ConcurrencyLimits.Permit>> waiting =
                CompletableFuture.supplyAsync(() -> patient.acquire("client-a", "platform-1"));
        Thread.sleep(200);

        assertThat(waiting.isDone()).as("still waiting for the running one").isFalse();
        assertThat(patient.acquire("client-a", "platform-1")).as("one waits already, the most allowed").isEmpty();
        running.close();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).as("the freed slot goes to the one waiting").isPresent();
    }

    @Test
    void aPlatformIsBoundAcrossItsCredentials() {
        limits.acquire("client-a", "platform-1").orElseThrow();
        limits.acquire("client-b", "platform-1").orElseThrow();
        limits.acquire("client-c", "platform-1").orElseThrow();

        assertThat(limits.acquire("client-d", "platform-1")).as("the platform's three are taken").isEmpty();
        assertThat(limits.acquire("client-d", "platform-2")).as("another platform is not held up").isPresent();
    }

    @Test
    void theNodeIsBoundInAllAndARefusalTakesNothing() {
        limits.acquire("a", "p1").orElseThrow();
        limits.acquire("b", "p2").orElseThrow();
        limits.acquire("c", "p3").orElseThrow();
        ConcurrencyLimits.Permit fourth = limits.acquire("d", "p4").orElseThrow();

        assertThat(limits.acquire("e", "p5")).isEmpty();
        fourth.close();
        assertThat(limits.acquire("e", "p5")).as("the refused attempt left no slot taken").isPresent();
    }
}
