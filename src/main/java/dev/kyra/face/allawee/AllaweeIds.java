package dev.kyra.face.allawee;

import dev.kyra.customer.Customer;
import dev.kyra.customer.CustomerRef;
import dev.kyra.ids.Base58;
import dev.kyra.ids.ObjectIds;
import dev.kyra.profile.NotFoundException;
import dev.kyra.webhooks.EventNotFoundException;
import dev.kyra.webhooks.WebhookNotFoundException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Allawee-style ids: a prefix and 17 base58 characters of an ObjectId-shaped value (decision D3). */
final class AllaweeIds {

    static final String CUSTOMER_PREFIX = "cus.";
    static final String EVENT_PREFIX = "evt.";
    static final String WEBHOOK_PREFIX = "wh.";
    static final String REQUEST_PREFIX = "req.";
    private static final int WIDTH = ObjectIds.BASE58_WIDTH;
    private static final Pattern BASE58 = Pattern.compile("[1-9A-HJ-NP-Za-km-z]+");

    private AllaweeIds() {
    }

    static String print(String prefix, UUID uuid) {
        return prefix + Base58.encodeFixed(ObjectIds.fromUuidV7(uuid), WIDTH);
    }

    static String of(Customer customer) {
        return CUSTOMER_PREFIX + Base58.encodeFixed(customer.objectId(), WIDTH);
    }

    /** The base58 part of an id with that prefix, when the text is one. */
    static Optional<String> key(String prefix, String id) {
        boolean matches = id.length() == prefix.length() + WIDTH && id.startsWith(prefix)
                && BASE58.matcher(id.substring(prefix.length())).matches();
        return matches ? Optional.of(id.substring(prefix.length())) : Optional.empty();
    }

    /** The id of an event record, one delivery of an event to one webhook (decision A17). */
    static String event(byte[] objectId) {
        return EVENT_PREFIX + Base58.encodeFixed(objectId, WIDTH);
    }

    /** A path's event id, as the object id it prints; anything that is not one names no event. */
    static byte[] event(String id) {
        return key(EVENT_PREFIX, id).flatMap(key -> Base58.decodeFixed(key, ObjectIds.LENGTH))
                .orElseThrow(EventNotFoundException::new);
    }

    static String webhook(byte[] objectId) {
        return WEBHOOK_PREFIX + Base58.encodeFixed(objectId, WIDTH);
    }

    /** A path's webhook id, as the object id it prints; anything that is not one names no webhook. */
    static byte[] webhook(String id) {
        return key(WEBHOOK_PREFIX, id).flatMap(key -> Base58.decodeFixed(key, ObjectIds.LENGTH))
                .orElseThrow(WebhookNotFoundException::new);
    }

    /** A path's customer id; anything that is not one cannot name a customer, so it is not found. */
    static CustomerRef customer(String id) {
        return key(CUSTOMER_PREFIX, id).flatMap(key -> Base58.decodeFixed(key, ObjectIds.LENGTH))
                .map(CustomerRef::objectId)
                .orElseThrow(NotFoundException::customer);
    }
}
