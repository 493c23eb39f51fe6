package dev.kyra.customer;

import java.util.Arrays;
import java.util.Optional;

/**
 * An individual's files in the legacy flow (Blaaiz spec §4.6-§4.7): each slot takes a file uploaded
 * for its category; the identity file triggers verification (decision B5).
 */
public enum LegacyFileSlot {
    ID_FILE("id_file", "identity"),
    ID_FILE_BACK("id_file_back", "identity_back"),
    PROOF_OF_ADDRESS_FILE("proof_of_address_file", "proof_of_address"),
    LIVENESS_CHECK_FILE("liveness_check_file", "liveness_check");

    private final String code;
    private final String category;

    LegacyFileSlot(String code, String category) {
        this.code = code;
        this.category = category;
    }

    public String code() {
        return code;
    }

    /** The {@code file_category} an upload for this slot is requested with; also its upload purpose. */
    public String category() {
        return category;
    }

    public static Optional<LegacyFileSlot> fromCode(String code) {
        return Arrays.stream(values()).filter(slot -> slot.code.equals(code)).findFirst();
    }

    public static Optional<LegacyFileSlot> fromCategory(String category) {
        return Arrays.stream(values()).filter(slot -> slot.category.equals(category)).findFirst();
    }
}
