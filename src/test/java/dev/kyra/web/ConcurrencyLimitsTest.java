package dev.kyra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitsTest {

    private final ConcurrencyLimits limits = new ConcurrencyLimits(2, 3, 4);

    @Test
    void aCredentialRunsAtMostItsShareAndGetsItBackWhenOneEnds() {
        ConcurrencyLimits.Permit first = limits.tryAcquire("client-a", "platform-1").orElseThrow();
        limits.tryAcquire("client-a", "platform-1").orElseThrow();

        assertThat(limits.tryAcquire("client-a", "platform-1")).isEmpty();
        first.close();
        first.close(); // a second close gives nothing back twice
        assertThat(limits.tryAcquire("client-a", "platform-1")).isPresent();
        assertThat(limits.tryAcquire("client-a", "platform-1")).isEmpty();
    }

    @Test
    void aPlatformIsBoundAcrossItsCredentials() {
        limits.tryAcquire("client-a", "platform-1").orElseThrow();
        limits.tryAcquire("client-b", "platform-1").orElseThrow();
        limits.tryAcquire("client-c", "platform-1").orElseThrow();

        Optional<ConcurrencyLimits.Permit> fourth = limits.tryAcquire("client-d", "platform-1");
        assertThat(fourth).as("the platform's three are taken").isEmpty();
        assertThat(limits.tryAcquire("client-d", "platform-2")).as("another platform is not held up").isPresent();
    }

    @Test
    void theNodeIsBoundInAllAndARefusalTakesNothing() {
        limits.tryAcquire("a", "p1").orElseThrow();
        limits.tryAcquire("b", "p2").orElseThrow();
        limits.tryAcquire("c", "p3").orElseThrow();
        ConcurrencyLimits.Permit fourth = limits.tryAcquire("d", "p4").orElseThrow();

        assertThat(limits.tryAcquire("e", "p5")).isEmpty();
        fourth.close();
        assertThat(limits.tryAcquire("e", "p5")).as("the refused attempt left no slot taken").isPresent();
    }
}
