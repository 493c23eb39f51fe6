package dev.kyra.customer;

/** Where a customer stands in verification (Blaaiz spec §5.1). */
public enum VerificationStatus {
    PENDING,
    PROCESSING,
    VERIFIED,
    REJECTED
}
