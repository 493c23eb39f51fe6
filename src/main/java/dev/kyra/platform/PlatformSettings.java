package dev.kyra.platform;

/**
 * A platform's switches, all off by default.
 *
 * @param minimalKybAllowed the platform may create MINIMAL-scope businesses (and they default to it)
 * @param autoVerifyBusinessCustomers a business's /submit verifies it at once instead of queueing it
 * @param autoVerifyIndividuals an individual's verification trigger verifies it at once
 * @param fourEyes approving a customer takes two different reviewers
 * @param rateLimits the platform's own request limits per credential, where it has them
 */
public record PlatformSettings(boolean minimalKybAllowed, boolean autoVerifyBusinessCustomers,
                               boolean autoVerifyIndividuals, boolean fourEyes, RateLimitOverrides rateLimits) {

    public static final PlatformSettings DEFAULTS = new PlatformSettings(false, false, false, false,
            RateLimitOverrides.NONE);

    public PlatformSettings {
        java.util.Objects.requireNonNull(rateLimits, "rateLimits");
    }
}
