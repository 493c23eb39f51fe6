package dev.kyra.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How old a gauge read from the database may be ({@link Sampled}): each such reading is one query per period. */
@ConfigurationProperties("kyra.metrics")
public record MetricsProperties(@DefaultValue("10s") Duration samplePeriod) {
}
