package dev.kyra.profile;

import java.util.List;

/** Another record of the same tenant already holds a value that must be unique. Nothing was written. */
public final class DuplicateException extends RegistryException {

    public DuplicateException(Violation violation) {
        super(List.of(violation));
    }
}
