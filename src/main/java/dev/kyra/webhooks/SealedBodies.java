package dev.kyra.webhooks;

import dev.kyra.platform.SecretSealer;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The webhook bodies kept for retries, logs and replays are renderings of a customer, identifiers and
 * dates of birth included, so they are sealed before they are stored (decision D11): AES-256-GCM under
 * the secrets key, bound to their delivery. They are not sealed with the customer's own key because
 * the delivery engine reads them for many customers at once and by delivery, not by customer; an
 * erasure drops them instead ({@link ErasedBodies}).
 */
@Component
class SealedBodies {

    private final SecretSealer sealer;

    SealedBodies(SecretSealer sealer) {
        this.sealer = sealer;
    }

    byte[] seal(UUID deliveryId, String body) {
        return sealer.seal(body, boundTo(deliveryId));
    }

    /** The body, or null when none is kept. */
    String open(UUID deliveryId, byte[] sealed) {
        return sealed == null ? null : sealer.open(sealed, boundTo(deliveryId));
    }

    private static String boundTo(UUID deliveryId) {
        return "webhook-delivery:" + deliveryId;
    }
}
