package dev.kyra.edge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Decision A18's request log is kept 30 days; whether a platform's requests go in it is its setting. */
@ConfigurationProperties("kyra.request-log")
public record RequestLogProperties(@DefaultValue("30d") Duration retention) {
}
