package dev.kyra.events;

import java.util.Arrays;
import java.util.Optional;

/** What happened to a customer: the kinds of event its history holds (decision D6). */
public enum EventType {
    CUSTOMER_CREATED("customer.created"),
    PROFILE_CHANGED("customer.profile_changed"),
    /** The customer's verification status moved ({@code PENDING → PROCESSING → VERIFIED}, …). */
    STATUS_CHANGED("customer.status_changed"),
    ACTIVITY_CHANGED("customer.activity_changed"),
    KYB_UPGRADED("customer.kyb_upgraded"),
    /** Files registered to the customer (an individual's legacy files) or to one of its owners. */
    FILES_ATTACHED("files.attached"),
    OWNER_ADDED("owner.added"),
    OWNER_CHANGED("owner.changed"),
    OWNER_REMOVED("owner.removed"),
    OWNER_STATUS_CHANGED("owner.status_changed"),
    DOCUMENT_ADDED("document.added"),
    DOCUMENT_CHANGED("document.changed"),
    DOCUMENT_REMOVED("document.removed"),
    DOCUMENT_STATUS_CHANGED("document.status_changed"),
    TIER_REQUESTED("tier.requested"),
    TIER_DECIDED("tier.decided"),
    /**
     * The customer's personal data was erased (decision D11): what remains is a tombstone, and a
     * history that names what changed but no longer holds a value.
     */
    CUSTOMER_ERASED("customer.erased"),
    /** Under four eyes, a first reviewer's approval, waiting for a second reviewer's: no change the platform sees. */
    FIRST_APPROVAL("customer.first_approval");

    private final String code;

    EventType(String code) {
        this.code = code;
    }

    /** The stored name, and the one Kyra's own faces show. */
    public String code() {
        return code;
    }

    public static Optional<EventType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }
}
