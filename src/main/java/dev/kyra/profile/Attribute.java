package dev.kyra.profile;

/** Parts of a request that are not profile fields but can still be named in a problem. */
public enum Attribute {
    TYPE,
    KYB_SCOPE,
    REFERENCE,
    METADATA,
    TIERS,
    VERIFICATION_STATUS,
    OWNERS,
    OWNER_ID
}
