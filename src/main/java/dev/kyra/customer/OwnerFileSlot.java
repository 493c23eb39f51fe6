package dev.kyra.customer;

import java.util.Arrays;
import java.util.Optional;

/** The two sides of an owner's ID document (Blaaiz spec §4.11-§4.12). */
public enum OwnerFileSlot {
    ID_DOCUMENT_FRONT("id_document_front"),
    ID_DOCUMENT_BACK("id_document_back");

    private final String code;

    OwnerFileSlot(String code) {
        this.code = code;
    }

    /** The upload purpose, and the name both requests and responses use. */
    public String code() {
        return code;
    }

    public static Optional<OwnerFileSlot> fromCode(String code) {
        return Arrays.stream(values()).filter(slot -> slot.code.equals(code)).findFirst();
    }
}
