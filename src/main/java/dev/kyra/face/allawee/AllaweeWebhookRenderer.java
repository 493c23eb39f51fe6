package dev.kyra.face.allawee;

import dev.kyra.customer.CustomerDetails;
import dev.kyra.events.CustomerEvent;
import dev.kyra.events.EventType;
import dev.kyra.webhooks.WebhookFace;
import dev.kyra.webhooks.WebhookRenderer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Allawee customer webhooks (spec allawee.md §5.1, §5.2, decision A12): the envelope
 * {@code {event, data: <the customer>, metadata: {sentAt, event: "evt.…"}}}, signed
 * {@code Allawee-Signature} = lower-case hex HMAC-SHA512 of the raw body with the webhook's key.
 */
@Component
class AllaweeWebhookRenderer implements WebhookRenderer {

    static final String CREATED = "customer.created";
    static final String UPDATED = "customer.updated";
    static final String VERIFICATION_UPDATED = "customer.verification.updated";
    static final String STATUS_UPDATED = "customer.status.updated";
    /** Kyra's own addition: the customer's personal data was erased (decision D11). */
    static final String ERASED = "customer.erased";
    static final Set<String> EVENTS = Set.of(CREATED, UPDATED, VERIFICATION_UPDATED, STATUS_UPDATED, ERASED);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;

    AllaweeWebhookRenderer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public WebhookFace face() {
        return WebhookFace.ALLAWEE;
    }

    @Override
    public Set<EventType> delivers() {
        return EnumSet.complementOf(EnumSet.of(EventType.FIRST_APPROVAL));
    }

    /** A tier is a verification, activity the customer's status; every other change updates the customer. */
    @Override
    public String eventName(EventType type) {
        return switch (type) {
            case CUSTOMER_CREATED -> CREATED;
            case TIER_REQUESTED, TIER_DECIDED -> VERIFICATION_UPDATED;
            case ACTIVITY_CHANGED -> STATUS_UPDATED;
            case CUSTOMER_ERASED -> ERASED;
            default -> UPDATED;
        };
    }

    @Override
    public String render(Delivery delivery, CustomerDetails customer) {
        CustomerEvent event = delivery.event();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("sentAt", AllaweeCustomerWriter.timestamp(clock.instant()));
        metadata.put("event", AllaweeIds.event(delivery.objectId()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", eventName(event.type()));
        body.put("data", AllaweeCustomerWriter.customer(customer));
        body.put("metadata", metadata);
        return JSON.writeValueAsString(body);
    }

    @Override
    public Map<String, String> signatureHeaders(String body, String signingKey, Instant now) {
        return Map.of("Allawee-Signature", signature(signingKey, body));
    }

    static String signature(String signingKey, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA512 is part of every JDK", e);
        }
    }
}
