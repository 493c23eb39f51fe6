package dev.kyra.customer;

/** How much a business is verified: FULL includes its owners, MINIMAL only the business itself. */
public enum KybScope {
    FULL,
    MINIMAL
}
