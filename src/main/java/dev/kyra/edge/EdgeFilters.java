package dev.kyra.edge;

import io.micrometer.core.instrument.MeterRegistry;
import dev.kyra.database.Retention;
import dev.kyra.web.ApiFaces;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pruning of expired idempotency keys and request-log records, on every node. The failed-authentication limit runs before every face's security chain, after the shared web
 * filters (so it sees the true client address, and its 429 has a request id).
 */
@Configuration(proxyBeanMethods = false)
class EdgeFilters {

    @Bean
    FilterRegistrationBean<FailedAuthenticationLimit> failedAuthenticationLimit(SharedCounts counts,
                                                                              RateLimitProperties settings, ApiFaces faces,
                                                                              MeterRegistry registry) {
        FilterRegistrationBean<FailedAuthenticationLimit> registration = new FilterRegistrationBean<>(
                new FailedAuthenticationLimit(counts, settings.failedAuthenticationsPerMinute(), faces,
                        RateLimits.refusals(registry, "failed_authentication")));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    Retention requestLogRetention(JdbcClient jdbc, RequestLogProperties settings) {
        return new Retention("request-log records", jdbc, "api_requests", "created_at", settings.retention());
    }

    @Bean
    Retention idempotencyKeyRetention(JdbcClient jdbc, IdempotencyProperties settings) {
        return new Retention("idempotency keys", jdbc, "idempotency_keys", "created_at", settings.retention());
    }
}
