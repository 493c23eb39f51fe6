package dev.kyra.platform;

/**
 * A platform's switches, all off by default.
 *
 * @param minimalKybAllowed the platform may create MINIMAL-scope businesses (and they default to it)
 * @param autoVerifyBusinessCustomers a business's /submit verifies it at once instead of queueing it
 * @param autoVerifyIndividuals an individual's verification trigger verifies it at once
 * @param fourEyes approving a customer takes two different reviewers
 */
public record PlatformSettings(boolean minimalKybAllowed, boolean autoVerifyBusinessCustomers,
                               boolean autoVerifyIndividuals, boolean fourEyes) {

    public static final PlatformSettings DEFAULTS = new PlatformSettings(false, false, false, false);
}
