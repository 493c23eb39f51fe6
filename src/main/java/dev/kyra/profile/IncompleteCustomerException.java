package dev.kyra.profile;

/**
 * A customer sent to verification before it is complete (Blaaiz spec §4.8): the first gap, as a
 * violation like any other. A face that documents its own words for this (Blaaiz: "Cannot verify
 * business customer: ...") handles it apart; to the others it is invalid input.
 */
public final class IncompleteCustomerException extends InvalidInputException {

    public IncompleteCustomerException(Violation gap, CustomerType type) {
        super(gap);
        concerning(type);
    }
}
