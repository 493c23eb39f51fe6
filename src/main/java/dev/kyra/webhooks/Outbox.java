package dev.kyra.webhooks;

import dev.kyra.events.EventSubscriber;
import dev.kyra.events.EventType;
import dev.kyra.platform.Tenant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes one delivery per enabled endpoint of the event's platform and mode whose face delivers that
 * type of event, in the transaction that records the events (decision D6): an event commits with its
 * deliveries or not at all. The same statement notifies the workers, which PostgreSQL holds back
 * until the commit.
 */
@Component
class Outbox implements EventSubscriber {

    static final String CHANNEL = "kyra_webhooks";
    private static final String QUEUE = """
            with queued as (
                insert into webhook_deliveries (id, platform_id, mode, event_id, endpoint_id, status,
                    next_attempt_at, created_at, updated_at)
                select gen_random_uuid(), e.platform_id, e.mode, e.id, w.id, 'pending', now(), now(), now()
                from customer_events e
                join webhook_endpoints w on w.platform_id = e.platform_id and w.mode = e.mode and w.enabled
                where e.id = any(:ids) and e.platform_id = :platformId and e.mode = :mode
                  and ((w.face = 'blaaiz' and e.type = any(:blaaizTypes))
                    or (w.face = 'allawee' and e.type = any(:allaweeTypes)
                        and w.events @> array[(cast(:allaweeNames as text[]))[array_position(:allaweeTypes, e.type)]]))
                returning 1)
            select count(*) from (select pg_notify('%s', '') from queued limit 1) notified""".formatted(CHANNEL);

    private final JdbcClient jdbc;
    private final String[] blaaizTypes;
    private final String[] allaweeTypes;
    /** The Allawee name of each of {@link #allaweeTypes}, by position: what its endpoints subscribe to. */
    private final String[] allaweeNames;

    Outbox(JdbcClient jdbc, List<WebhookRenderer> renderers) {
        this.jdbc = jdbc;
        this.blaaizTypes = typesOf(renderers, WebhookFace.BLAAIZ);
        this.allaweeTypes = typesOf(renderers, WebhookFace.ALLAWEE);
        WebhookRenderer allawee = renderers.stream().filter(renderer -> renderer.face() == WebhookFace.ALLAWEE)
                .findFirst().orElse(null);
        this.allaweeNames = allawee == null ? new String[0] : java.util.Arrays.stream(allaweeTypes)
                .map(type -> allawee.eventName(EventType.fromCode(type).orElseThrow())).toArray(String[]::new);
    }

    @Override
    public void recorded(Tenant tenant, List<UUID> eventIds) {
        jdbc.sql(QUEUE)
                .param("ids", eventIds.toArray(UUID[]::new))
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .param("blaaizTypes", blaaizTypes).param("allaweeTypes", allaweeTypes).param("allaweeNames", allaweeNames)
                .query(Long.class).single();
    }

    private static String[] typesOf(List<WebhookRenderer> renderers, WebhookFace face) {
        return renderers.stream().filter(renderer -> renderer.face() == face)
                .flatMap(renderer -> renderer.delivers().stream()).map(EventType::code).distinct().toArray(String[]::new);
    }
}
