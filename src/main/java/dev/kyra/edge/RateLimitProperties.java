package dev.kyra.edge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Decision D10's limits: requests per credential per minute and per hour unless a platform sets its
 * own (0 is no limit), and failed authentications per client address per minute. Each node adds its
 * counts to the shared ones every {@code syncInterval}, so nodes agree within that time.
 */
@ConfigurationProperties("kyra.rate-limit")
public record RateLimitProperties(@DefaultValue("1200") int perMinute, @DefaultValue("36000") int perHour,
                                  @DefaultValue("60") int failedAuthenticationsPerMinute,
                                  @DefaultValue("100ms") Duration syncInterval) {

    public RateLimitProperties {
        if (perMinute < 0 || perHour < 0 || failedAuthenticationsPerMinute < 0) {
            throw new IllegalArgumentException("KYRA_RATE_LIMIT_* settings are 0 (no limit) or more");
        }
        if (syncInterval.isNegative() || syncInterval.isZero()) {
            throw new IllegalArgumentException("kyra.rate-limit.sync-interval must be positive");
        }
    }
}
