package dev.kyra.profile;

import java.util.List;

/**
 * The request is well-formed but not allowed in the current state: a customer under review, a
 * verified field, an approved owner. Nothing was written.
 */
public final class ActionRefusedException extends RegistryException {

    public ActionRefusedException(Violation violation) {
        super(List.of(violation));
    }
}
