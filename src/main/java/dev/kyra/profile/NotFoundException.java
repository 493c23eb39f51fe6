package dev.kyra.profile;

import java.util.List;

/**
 * The customer (or its owner, document ...) does not exist for this tenant. Another platform's or
 * mode's record is reported the same way: its existence is not revealed.
 */
public final class NotFoundException extends RegistryException {

    /** The kind of record that was looked for. */
    public enum Kind { CUSTOMER, OWNER, DOCUMENT }

    private final Kind kind;

    private NotFoundException(Kind kind, String template) {
        super(List.of(Violation.general(template)));
        this.kind = kind;
    }

    public static NotFoundException customer() {
        return new NotFoundException(Kind.CUSTOMER, "Customer not found");
    }

    public static NotFoundException owner() {
        return new NotFoundException(Kind.OWNER, "Owner not found");
    }

    public static NotFoundException document() {
        return new NotFoundException(Kind.DOCUMENT, "Document not found");
    }

    public Kind kind() {
        return kind;
    }
}
