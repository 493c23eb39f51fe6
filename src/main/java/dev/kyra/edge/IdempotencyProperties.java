package dev.kyra.edge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Decision D9: how long a POST's result is kept under its Idempotency-Key. */
@ConfigurationProperties("kyra.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention) {
}
