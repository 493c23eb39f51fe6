package dev.kyra.customer;

import java.util.List;

/**
 * A partial update: fields absent from {@code profile} stay as they are, fields set to null are
 * cleared.
 *
 * @param type the type the client sent, or null; a customer's type never changes
 * @param kybScopeSent whether the client tried to change the scope (it is read-only here)
 * @param owners owner entries to add or change, or null when the request has none; owners not
 *               mentioned are kept
 */
public record CustomerChanges(CustomerType type, FieldValues profile, boolean kybScopeSent, List<OwnerChange> owners) {

    public CustomerChanges {
        owners = owners == null ? null : List.copyOf(owners);
    }

    List<OwnerChange> ownerEntries() {
        return owners == null ? List.of() : owners;
    }
}
