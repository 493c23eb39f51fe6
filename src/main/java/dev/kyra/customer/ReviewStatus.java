package dev.kyra.customer;

/** The review status of an owner or a document (Blaaiz spec §5.3). */
public enum ReviewStatus {
    PENDING,
    PROCESSING,
    APPROVED,
    REJECTED;

    /** An approved child, or one under review, cannot be edited, replaced or removed. */
    public boolean isLocked() {
        return this == APPROVED || this == PROCESSING;
    }
}
