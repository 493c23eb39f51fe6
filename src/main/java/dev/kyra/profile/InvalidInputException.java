package dev.kyra.profile;

import java.util.List;

/** The request's data breaks field or cross-field rules. Nothing was written. */
public sealed class InvalidInputException extends RegistryException permits IncompleteCustomerException {

    public InvalidInputException(List<Violation> violations) {
        super(violations);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one violation");
        }
    }

    public InvalidInputException(Violation violation) {
        this(List.of(violation));
    }
}
