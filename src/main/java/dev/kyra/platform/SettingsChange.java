package dev.kyra.platform;

/** A partial change of a platform's settings: a null component leaves that setting as it is. */
public record SettingsChange(Boolean minimalKybAllowed, Boolean autoVerifyBusinessCustomers,
                             Boolean autoVerifyIndividuals, Boolean fourEyes, RateLimitOverrides rateLimits,
                             Boolean requestLog) {

    PlatformSettings applyTo(PlatformSettings current) {
        return new PlatformSettings(
                minimalKybAllowed != null ? minimalKybAllowed : current.minimalKybAllowed(),
                autoVerifyBusinessCustomers != null ? autoVerifyBusinessCustomers : current.autoVerifyBusinessCustomers(),
                autoVerifyIndividuals != null ? autoVerifyIndividuals : current.autoVerifyIndividuals(),
                fourEyes != null ? fourEyes : current.fourEyes(),
                rateLimits != null ? rateLimits.over(current.rateLimits()) : current.rateLimits(),
                requestLog != null ? requestLog : current.requestLog());
    }
}
