package dev.kyra.customer;

import dev.kyra.personal.DataKey;
import dev.kyra.platform.Tenant;
import dev.kyra.profile.CustomerFields;
import dev.kyra.profile.CustomerType;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldValues;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer of a platform: an individual or a business, its verification state and its profile.
 *
 * @param objectId the 12-byte companion id shown by the Allawee face (decision D3)
 * @param kybScope FULL or MINIMAL for businesses, null for individuals
 * @param reference the platform's own unique reference, or null
 * @param kycDataId the id the Blaaiz face shows for the customer's {@code kyc_data} block
 * @param metadata the platform's free JSON object, exactly as it was sent
 * @param dataKey the key its sealed fields are kept with (decision D11); null until it has one, and
 *                again once its personal data is erased
 */
public record Customer(UUID id, byte[] objectId, Tenant tenant, CustomerType type,
                       VerificationStatus verificationStatus, KybScope kybScope, Activity status,
                       String reference, UUID kycDataId, boolean enhancedDueDiligence, FieldValues profile,
                       String metadata, long version, Instant createdAt, Instant updatedAt, DataKey dataKey) {

    public <T> T get(Field<T> field) {
        return profile.get(field);
    }

    /**
     * The customer's name as one string: the name given for it, else its business name, else its
     * first and last names. {@code CustomerQueries} derives the same for filters and sorts.
     */
    public String displayName() {
        if (profile.get(CustomerFields.NAME) != null) {
            return profile.get(CustomerFields.NAME);
        }
        if (profile.get(CustomerFields.BUSINESS_NAME) != null) {
            return profile.get(CustomerFields.BUSINESS_NAME);
        }
        String joined = (nullToEmpty(profile.get(CustomerFields.FIRST_NAME)) + " "
                + nullToEmpty(profile.get(CustomerFields.LAST_NAME))).strip();
        return joined.isEmpty() ? null : joined;
    }

    Customer changed(FieldValues newProfile, String newReference, String newMetadata, Instant now) {
        return new Customer(id, objectId, tenant, type, verificationStatus, kybScope, status, newReference, kycDataId,
                enhancedDueDiligence, newProfile, newMetadata, version + 1, createdAt, now, dataKey);
    }

    /** This customer in another verification state (and scope), as one more version. */
    Customer withStatus(VerificationStatus next, KybScope scope, Instant now) {
        return new Customer(id, objectId, tenant, type, next, scope, status, reference, kycDataId, enhancedDueDiligence,
                profile, metadata, version + 1, createdAt, now, dataKey);
    }

    /**
     * This customer as one more version with nothing of its own changed: something it holds (a tier)
     * was decided, and platforms read that change from its {@code updatedAt}.
     */
    Customer touched(Instant now) {
        return withStatus(verificationStatus, kybScope, now);
    }

    Customer withActivity(Activity next, Instant now) {
        return new Customer(id, objectId, tenant, type, verificationStatus, kybScope, next, reference, kycDataId,
                enhancedDueDiligence, profile, metadata, version + 1, createdAt, now, dataKey);
    }

    /** This customer, given its first data key; its version is unchanged, as nothing it shows changed. */
    public Customer withDataKey(DataKey key) {
        return new Customer(id, objectId, tenant, type, verificationStatus, kybScope, status, reference, kycDataId,
                enhancedDueDiligence, profile, metadata, version, createdAt, updatedAt, key);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
