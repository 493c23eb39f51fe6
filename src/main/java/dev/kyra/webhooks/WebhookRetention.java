package dev.kyra.webhooks;

import dev.kyra.database.Retention;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deliveries, with their attempts and the bodies kept for replay, are forgotten once older than
 * {@code kyra.webhook.retention} (90 days, decision D8); the events themselves stay, as they are the history.
 */
@Configuration(proxyBeanMethods = false)
class WebhookRetention {

    @Bean
    Retention deliveryRetention(JdbcClient jdbc, WebhookProperties settings) {
        return new Retention("webhook deliveries", jdbc, "webhook_deliveries", "created_at", settings.retention());
    }
}
