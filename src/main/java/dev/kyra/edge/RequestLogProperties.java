package dev.kyra.edge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Decision A18's request log: on unless turned off, and kept 30 days. */
@ConfigurationProperties("kyra.request-log")
public record RequestLogProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30d") Duration retention) {
}
