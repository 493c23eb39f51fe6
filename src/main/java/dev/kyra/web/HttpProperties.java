package dev.kyra.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kyra.http.*}: the largest body a request may send (and the paths with their own limit), and
 * how many heavy requests (a whole tenant's unpaginated list) may run at once on this node.
 */
@Validated
@ConfigurationProperties("kyra.http")
record HttpProperties(@DefaultValue("1MB") @NotNull DataSize maxBodySize, @DefaultValue List<String> bodyLimitExemptPaths,
                      @DefaultValue @Valid HeavyRequests heavyRequests) {

    /**
     * @param maxWaitingPerCredential past the limits a request waits its turn {@code maxWait} long; more
     *        than this many waiting for one credential are refused at once
     */
    record HeavyRequests(@DefaultValue("2") @Positive int perCredential, @DefaultValue("3") @Positive int perPlatform,
                         @DefaultValue("6") @Positive int total,
                         @DefaultValue("32") @PositiveOrZero int maxWaitingPerCredential,
                         @DefaultValue("30s") @NotNull Duration maxWait) {
    }
}
