package dev.kyra.customer;

import dev.kyra.profile.CustomerType;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldValues;
import java.util.List;

/**
 * A partial update: fields absent from {@code profile} stay as they are, fields set to null are
 * cleared. For the other components, null means "not sent".
 *
 * @param type the type the client sent; a customer's type never changes
 * @param kybScopeSent whether the client tried to change the scope (it is read-only here)
 * @param owners owner entries to add or change; owners not mentioned are kept
 * @param reference a new reference
 * @param metadata a new metadata object, replacing the stored one whole
 * @param tiers tiers asked for; tiers asked for earlier are kept
 * @param requiredFields fields this face requires: they may be left out of a change but not cleared
 */
public record CustomerChanges(CustomerType type, FieldValues profile, boolean kybScopeSent, List<OwnerChange> owners,
                              String reference, String metadata, List<Tier> tiers, List<Field<?>> requiredFields) {

    public CustomerChanges {
        owners = owners == null ? null : List.copyOf(owners);
        tiers = tiers == null ? null : List.copyOf(tiers);
        requiredFields = List.copyOf(requiredFields);
    }

    /** Changes of the profile and owners only (the Blaaiz face's update). */
    public static CustomerChanges of(CustomerType type, FieldValues profile, boolean kybScopeSent, List<OwnerChange> owners,
                                     List<Field<?>> requiredFields) {
        return new CustomerChanges(type, profile, kybScopeSent, owners, null, null, null, requiredFields);
    }

    List<OwnerChange> ownerEntries() {
        return owners == null ? List.of() : owners;
    }
}
