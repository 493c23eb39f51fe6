package dev.kyra.reviewers;

/** No reviewer by that id. */
public final class ReviewerNotFoundException extends RuntimeException {

    public ReviewerNotFoundException() {
        super("Reviewer not found.", null, false, false);
    }
}
