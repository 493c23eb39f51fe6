package dev.kyra.customer;

import dev.kyra.profile.CustomerType;
import java.util.Locale;
import java.util.Map;

/**
 * What a customer's {@code tin} means, by its country and type (Blaaiz spec §4.14, decision B12): a
 * Nigerian individual's is a BVN, an American business's an EIN, and anything not listed a plain
 * tax identification number.
 */
public record IdentificationType(String code, String label) {

    private static final IdentificationType TIN = new IdentificationType("tin", "Tax Identification Number");
    private static final Map<String, IdentificationType> BY_COUNTRY_AND_TYPE = Map.of(
            "NG/individual", new IdentificationType("bvn", "Bank Verification Number"),
            "US/individual", new IdentificationType("ssn", "Social Security Number"),
            "US/business", new IdentificationType("ein", "Employer Identification Number"),
            "GB/individual", new IdentificationType("nino", "National Insurance Number"),
            "CA/individual", new IdentificationType("sin", "Social Insurance Number"));

    /** @param country an ISO 3166-1 alpha-2 code in any case, or null */
    public static IdentificationType of(String country, CustomerType type) {
        if (country == null) {
            return TIN;
        }
        return BY_COUNTRY_AND_TYPE.getOrDefault(country.toUpperCase(Locale.ROOT) + "/" + type.code(), TIN);
    }
}
