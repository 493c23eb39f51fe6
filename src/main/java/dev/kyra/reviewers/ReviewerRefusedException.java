package dev.kyra.reviewers;

/** An account change the rules refuse: a weak password, a malformed email, an email in use (then {@link #duplicate}). */
public final class ReviewerRefusedException extends RuntimeException {

    private final boolean duplicate;

    ReviewerRefusedException(String message, boolean duplicate) {
        super(message, null, false, false);
        this.duplicate = duplicate;
    }

    /** Whether another account has the email: a conflict rather than bad input. */
    public boolean duplicate() {
        return duplicate;
    }
}
