package dev.kyra.customer;

import dev.kyra.platform.Tenant;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer of a platform: an individual or a business, its verification state and its profile.
 *
 * @param objectId the 12-byte companion id shown by the Allawee face (decision D3)
 * @param kycDataId the id the Blaaiz face shows for the customer's {@code kyc_data} block
 * @param kybScope FULL or MINIMAL for businesses, null for individuals
 */
public record Customer(UUID id, byte[] objectId, Tenant tenant, CustomerType type,
                       VerificationStatus verificationStatus, KybScope kybScope, UUID kycDataId,
                       boolean enhancedDueDiligence, FieldValues profile, long version,
                       Instant createdAt, Instant updatedAt) {

    public <T> T get(Field<T> field) {
        return profile.get(field);
    }

    Customer withProfile(FieldValues newProfile, Instant now) {
        return new Customer(id, objectId, tenant, type, verificationStatus, kybScope, kycDataId,
                enhancedDueDiligence, newProfile, version + 1, createdAt, now);
    }
}
