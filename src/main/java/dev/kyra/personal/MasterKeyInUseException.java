package dev.kyra.personal;

/** A master key that cannot be retired: unknown ({@code conflict} false), the primary, or still in use. */
public class MasterKeyInUseException extends RuntimeException {

    private final boolean conflict;

    MasterKeyInUseException(String message, boolean conflict) {
        super(message, null, false, false);
        this.conflict = conflict;
    }

    public boolean conflict() {
        return conflict;
    }
}
