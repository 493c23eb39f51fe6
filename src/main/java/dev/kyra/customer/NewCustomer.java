package dev.kyra.customer;

import java.util.List;

/**
 * A request to create a customer.
 *
 * @param kybScope the requested scope of a business, or null for the platform's default
 * @param owners the profiles of the business's first owners
 * @param requiredFields what this face's contract requires at creation, in the order to report them
 *                       (the two faces require different minimums; the check itself is the core's)
 */
public record NewCustomer(CustomerType type, FieldValues profile, KybScope kybScope, List<FieldValues> owners,
                          List<Field<?>> requiredFields) {

    public NewCustomer {
        owners = List.copyOf(owners);
        requiredFields = List.copyOf(requiredFields);
    }
}
