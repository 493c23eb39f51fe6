package dev.kyra.webhooks;

import dev.kyra.events.EventSubscriber;
import dev.kyra.events.EventType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Queues one delivery per endpoint an event goes to (decision D6), as a part of the statement that
 * writes the event: an event commits with its deliveries or not at all. It goes to every enabled
 * endpoint of its platform and mode whose face delivers that type — an Allawee webhook only when it is
 * subscribed to the event's name, and the platform's default webhook when no enabled webhook is
 * (decisions A13, A16). When it queued any, the workers are woken once the transaction has committed
 * ({@link DeliveryWake}).
 */
@Component
class Outbox implements EventSubscriber {

    static final String CHANNEL = "kyra_webhooks";
    /** The ObjectId-shaped bytes of a delivery's public id: Unix seconds, then 8 random bytes. */
    static final String NEW_OBJECT_ID = "int4send(cast(extract(epoch from now()) as int)) || substr(uuid_send(gen_random_uuid()), 9, 8)";
    private static final String ALLAWEE_NAME = "(cast(:outbox_allaweeNames as text[]))[array_position(cast(:outbox_allaweeTypes as text[]), e.type)]";
    private static final String QUEUE = """
            insert into webhook_deliveries (id, object_id, platform_id, mode, event_id, event_name, endpoint_id, status,
                next_attempt_at, created_at, updated_at)
            select gen_random_uuid(), %1$s, e.platform_id, e.mode, e.id, case when w.face = 'allawee' then %3$s else e.type end,
                   w.id, 'pending', now(), now(), now()
            from %2$s e
            join webhook_endpoints w on w.platform_id = e.platform_id and w.mode = e.mode and w.enabled
            where (w.face = 'blaaiz' and e.type = any(cast(:outbox_blaaizTypes as text[])))
               or (w.face = 'allawee' and e.type = any(cast(:outbox_allaweeTypes as text[])) and case
                    when w.fallback then not exists (
                        select 1 from webhook_endpoints s
                        where s.platform_id = e.platform_id and s.mode = e.mode and s.enabled and s.face = 'allawee'
                          and not s.fallback and s.events @> array[%3$s])
                    else w.events @> array[%3$s] end)
            returning 1""".formatted(NEW_OBJECT_ID, RECORDED, ALLAWEE_NAME);

    private final Map<String, Object> parameters;
    private final DeliveryWake wake;

    Outbox(List<WebhookRenderer> renderers, DeliveryWake wake) {
        this.wake = wake;
        String[] allaweeTypes = typesOf(renderers, WebhookFace.ALLAWEE);
        WebhookRenderer allawee = renderers.stream().filter(renderer -> renderer.face() == WebhookFace.ALLAWEE)
                .findFirst().orElse(null);
        // the Allawee name of each type, by position: what its webhooks subscribe to
        String[] allaweeNames = allawee == null ? new String[0] : Arrays.stream(allaweeTypes)
                .map(type -> allawee.eventName(EventType.fromCode(type).orElseThrow())).toArray(String[]::new);
        this.parameters = Map.of("outbox_blaaizTypes", typesOf(renderers, WebhookFace.BLAAIZ),
                "outbox_allaweeTypes", allaweeTypes, "outbox_allaweeNames", allaweeNames);
    }

    @Override
    public String statement() {
        return QUEUE;
    }

    @Override
    public Map<String, Object> parameters() {
        return parameters;
    }

    @Override
    public void wrote(long rows) {
        if (rows > 0) {
            wake.afterCommit();
        }
    }

    private static String[] typesOf(List<WebhookRenderer> renderers, WebhookFace face) {
        return renderers.stream().filter(renderer -> renderer.face() == face)
                .flatMap(renderer -> renderer.delivers().stream()).map(EventType::code).distinct().toArray(String[]::new);
    }
}
