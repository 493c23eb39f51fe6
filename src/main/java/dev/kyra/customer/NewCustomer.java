package dev.kyra.customer;

import dev.kyra.profile.CustomerType;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldValues;
import java.util.List;

/**
 * A request to create a customer.
 *
 * @param kybScope the requested scope of a business, or null for the platform's default
 * @param owners the profiles of the business's first owners
 * @param requiredFields what this face's contract requires at creation, in the order to report them
 *                       (the two faces require different minimums; the check itself is the core's)
 * @param reference the platform's unique reference, or null
 * @param metadata a JSON object kept exactly as given, or null for none
 * @param tiers the verification tiers asked for
 */
public record NewCustomer(CustomerType type, FieldValues profile, KybScope kybScope, List<FieldValues> owners,
                          List<Field<?>> requiredFields, String reference, String metadata, List<Tier> tiers) {

    public NewCustomer {
        owners = List.copyOf(owners);
        requiredFields = List.copyOf(requiredFields);
        tiers = List.copyOf(tiers);
    }

    /** A customer with a profile and nothing else (the Blaaiz face's create). */
    public static NewCustomer of(CustomerType type, FieldValues profile, KybScope kybScope, List<FieldValues> owners,
                                 List<Field<?>> requiredFields) {
        return new NewCustomer(type, profile, kybScope, owners, requiredFields, null, null, List.of());
    }
}
