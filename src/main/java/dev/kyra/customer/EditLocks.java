package dev.kyra.customer;

import dev.kyra.profile.ActionRefusedException;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.Violation;
import java.util.List;
import java.util.Set;

/**
 * What a customer's verification state allows a client to change (Blaaiz spec §5.1, decision B4):
 * nothing while it is under review; only empty fields once it is verified, and not its owners.
 * A request that changes nothing is allowed in every state.
 */
final class EditLocks {

    private EditLocks() {
    }

    static void checkProfileAndOwners(Customer customer, Set<Field<?>> changedFields, boolean ownersChanged) {
        if (changedFields.isEmpty() && !ownersChanged) {
            return;
        }
        switch (customer.verificationStatus()) {
            case PROCESSING -> throw refused("Customer is under review and cannot be updated right now.");
            case VERIFIED -> {
                List<FieldPath> nonNull = changedFields.stream()
                        .filter(field -> customer.profile().get(field) != null)
                        .map(FieldPath::of)
                        .toList();
                if (!nonNull.isEmpty()) {
                    throw new ActionRefusedException(Violation.general(
                            "Verified customers can only update fields that are currently null: {0}", nonNull));
                }
                if (ownersChanged) {
                    throw refused("Owners cannot be added or changed while the customer is verified.");
                }
            }
            case PENDING, REJECTED -> {
                // fully editable; the verified lock does not apply to REJECTED
            }
        }
    }

    static void checkOwnerEditable(Owner owner) {
        if (Lifecycle.child(owner.status(), Lifecycle.ChildAction.EDIT).isEmpty()) {
            throw refused("Cannot modify an owner that has been approved or is currently under review.");
        }
    }

    private static ActionRefusedException refused(String message) {
        return new ActionRefusedException(Violation.general(message));
    }
}
