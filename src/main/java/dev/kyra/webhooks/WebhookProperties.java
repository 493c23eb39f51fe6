package dev.kyra.webhooks;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kyra.webhook.*} (decision D8): a delivery is tried {@code maxAttempts} times, first at once,
 * then after {@code retryInitialDelay} doubling up to {@code retryMaxDelay}, each delay with 80–120 %
 * jitter; an attempt without a 2xx within {@code timeout} fails. {@code pollInterval} is how often
 * workers look for due deliveries when no notification woke them; deliveries, their attempts and bodies
 * are kept for {@code retention}.
 */
@Validated
@ConfigurationProperties("kyra.webhook")
record WebhookProperties(@DefaultValue("10") @Positive int maxAttempts,
                         @DefaultValue("5m") @NotNull Duration retryInitialDelay,
                         @DefaultValue("24h") @NotNull Duration retryMaxDelay,
                         @DefaultValue("10s") @NotNull Duration timeout,
                         @DefaultValue("2s") @NotNull Duration pollInterval,
                         @DefaultValue("16") @Positive int perEndpointConcurrency,
                         @DefaultValue("90d") @NotNull Duration retention) {

    /** The delay before attempt {@code attempt + 1}, after {@code attempt} attempts failed; jitter given in [0.8, 1.2]. */
    Duration delayAfter(int attempt, double jitter) {
        long base = retryInitialDelay.toMillis();
        long max = retryMaxDelay.toMillis();
        long delay = base;
        for (int i = 1; i < attempt && delay < max; i++) {
            delay = Math.min(max, delay * 2);
        }
        return Duration.ofMillis(Math.round(Math.min(max, delay) * jitter));
    }
}
