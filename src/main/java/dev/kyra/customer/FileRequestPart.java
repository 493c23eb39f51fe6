package dev.kyra.customer;

/** The parts of an upload request a problem can be about. */
public enum FileRequestPart {
    CUSTOMER_ID,
    FILE_CATEGORY
}
