package dev.kyra.profile;

import java.util.List;

/**
 * A request the registry refuses, with the problems that explain why. Faces choose the status code
 * and body for each kind. The exception's own message is only the templates, never the values in
 * the request, so logging one cannot leak personal data.
 */
public abstract sealed class RegistryException extends RuntimeException
        permits InvalidInputException, ActionRefusedException, DuplicateException, NotFoundException {

    private final transient List<Violation> violations;
    private CustomerType customerType;

    RegistryException(List<Violation> violations) {
        super(violations.stream().map(Violation::template).toList().toString(), null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    public Violation first() {
        return violations.get(0);
    }

    /** The type of the customer the refused request was about, when the registry knew it. */
    public java.util.Optional<CustomerType> customerType() {
        return java.util.Optional.ofNullable(customerType);
    }

    /** Notes which type of customer the problems concern (faces may name fields differently by type). */
    public RegistryException concerning(CustomerType type) {
        if (customerType == null) {
            customerType = type;
        }
        return this;
    }
}
