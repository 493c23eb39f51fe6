package dev.kyra.face.allawee;

import dev.kyra.customer.Customer;
import dev.kyra.customer.CustomerRef;
import dev.kyra.ids.Base58;
import dev.kyra.ids.ObjectIds;
import dev.kyra.profile.NotFoundException;
import dev.kyra.webhooks.WebhookNotFoundException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Allawee-style ids: a prefix and 17 base58 characters of an ObjectId-shaped value (decision D3). */
final class AllaweeIds {

    static final String CUSTOMER_PREFIX = "cus.";
    private static final int WIDTH = 17;
    static final String WEBHOOK_PREFIX = "wh.";
    private static final Pattern CUSTOMER = Pattern.compile("cus\\.([1-9A-HJ-NP-Za-km-z]{17})");
    private static final Pattern WEBHOOK = Pattern.compile("wh\\.([1-9A-HJ-NP-Za-km-z]{17})");

    private AllaweeIds() {
    }

    static String print(String prefix, UUID uuid) {
        return prefix + Base58.encodeFixed(ObjectIds.fromUuidV7(uuid), WIDTH);
    }

    static String of(Customer customer) {
        return CUSTOMER_PREFIX + Base58.encodeFixed(customer.objectId(), WIDTH);
    }

    /** The base58 part of a customer id, when the text is one. */
    static Optional<String> customerKey(String id) {
        var matcher = CUSTOMER.matcher(id);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static String webhook(byte[] objectId) {
        return WEBHOOK_PREFIX + Base58.encodeFixed(objectId, WIDTH);
    }

    /** A path's webhook id, as the object id it prints; anything that is not one names no webhook. */
    static byte[] webhook(String id) {
        var matcher = WEBHOOK.matcher(id);
        return (matcher.matches() ? Base58.decodeFixed(matcher.group(1), ObjectIds.LENGTH) : Optional.<byte[]>empty())
                .orElseThrow(WebhookNotFoundException::new);
    }

    /** A path's customer id; anything that is not one cannot name a customer, so it is not found. */
    static CustomerRef customer(String id) {
        return customerKey(id).flatMap(key -> Base58.decodeFixed(key, ObjectIds.LENGTH))
                .map(CustomerRef::objectId)
                .orElseThrow(NotFoundException::customer);
    }
}
