package dev.kyra.platform;

/**
 * A platform's switches, off by default unless said otherwise.
 *
 * @param minimalKybAllowed the platform may create MINIMAL-scope businesses (and they default to it)
 * @param autoVerifyBusinessCustomers a business's /submit verifies it at once instead of queueing it
 * @param autoVerifyIndividuals an individual's verification trigger verifies it at once
 * @param fourEyes approving a customer takes two different reviewers
 * @param rateLimits the platform's own request limits per credential, where it has them
 * @param requestLog the Allawee face's requests are logged for {@code GET /requests} (on by default:
 *                   a platform may turn it off, as the log keeps its clients' addresses)
 */
public record PlatformSettings(boolean minimalKybAllowed, boolean autoVerifyBusinessCustomers,
                               boolean autoVerifyIndividuals, boolean fourEyes, RateLimitOverrides rateLimits,
                               boolean requestLog) {

    public static final PlatformSettings DEFAULTS = new PlatformSettings(false, false, false, false,
            RateLimitOverrides.NONE, true);

    public PlatformSettings {
        java.util.Objects.requireNonNull(rateLimits, "rateLimits");
    }
}
