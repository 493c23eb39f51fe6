package dev.kyra.face.blaaiz;

import dev.kyra.customer.CustomerDetails;
import dev.kyra.events.CustomerEvent;
import dev.kyra.events.EventType;
import dev.kyra.profile.CustomerFields;
import dev.kyra.webhooks.WebhookFace;
import dev.kyra.webhooks.WebhookRenderer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Blaaiz customer webhooks (spec §6.2–§6.4, decision B9): {@code customer.created} and
 * {@code customer.status_changed} in the flat payload, sent to the {@code collection_url}, signed
 * {@code x-blaaiz-signature} = lower-case hex HMAC-SHA256 of {@code "{x-blaaiz-timestamp}.{body}"}
 * with the {@code signing_secret}, the timestamp in Unix seconds, fresh on every attempt.
 */
@Component
class BlaaizWebhookRenderer implements WebhookRenderer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ISO_INSTANT;
    private static final Map<EventType, String> MESSAGES = Map.of(EventType.CUSTOMER_CREATED, "Customer created",
            EventType.STATUS_CHANGED, "Customer verification status updated",
            EventType.CUSTOMER_ERASED, "Customer personal data erased");

    @Override
    public WebhookFace face() {
        return WebhookFace.BLAAIZ;
    }

    @Override
    public Set<EventType> delivers() {
        return Set.of(EventType.CUSTOMER_CREATED, EventType.STATUS_CHANGED, EventType.CUSTOMER_ERASED);
    }

    /** Compact JSON in a fixed field order: naive verifiers that re-serialize still match (§6.3). */
    @Override
    public String render(Delivery delivery, CustomerDetails customer) {
        CustomerEvent event = delivery.event();
        boolean created = event.type() == EventType.CUSTOMER_CREATED;
        ObjectNode body = JSON.createObjectNode();
        body.put("message", MESSAGES.get(event.type()));
        body.put("event_type", event.type().code());
        body.put("customer_id", event.customerId().toString());
        body.put("customer_email", customer.customer().get(CustomerFields.EMAIL));
        body.put("old_status", created ? null : statusBefore(event, customer));
        body.put("new_status", created ? "PENDING" : statusAfter(event, customer));
        body.put("comment", event.comment());
        body.put("updated_at", MILLIS.format(event.occurredAt().truncatedTo(ChronoUnit.MILLIS)));
        body.put("event_id", event.id().toString());
        body.put("type", "customer");
        return JSON.writeValueAsString(body);
    }

    /** An erasure moves no status: both are the customer's status as it stands. */
    private static String statusBefore(CustomerEvent event, CustomerDetails customer) {
        return event.type() == EventType.CUSTOMER_ERASED ? customer.customer().verificationStatus().name() : event.fromStatus();
    }

    private static String statusAfter(CustomerEvent event, CustomerDetails customer) {
        return event.type() == EventType.CUSTOMER_ERASED ? customer.customer().verificationStatus().name() : event.toStatus();
    }

    @Override
    public Map<String, String> signatureHeaders(String body, String signingKey, Instant now) {
        String timestamp = Long.toString(now.getEpochSecond());
        return Map.of("x-blaaiz-signature", signature(signingKey, timestamp, body), "x-blaaiz-timestamp", timestamp);
    }

    static String signature(String signingKey, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
