package dev.kyra.customer;

import static dev.kyra.profile.CustomerFields.BUSINESS_DOCUMENT_URL;
import static dev.kyra.profile.CustomerFields.BUSINESS_IDENTITY_TYPE;
import static dev.kyra.profile.CustomerFields.BUSINESS_NAME;
import static dev.kyra.profile.CustomerFields.CITY;
import static dev.kyra.profile.CustomerFields.COUNTRY;
import static dev.kyra.profile.CustomerFields.DATE_OF_BIRTH;
import static dev.kyra.profile.CustomerFields.EMAIL;
import static dev.kyra.profile.CustomerFields.FIRST_NAME;
import static dev.kyra.profile.CustomerFields.ID_DOCUMENT_URL;
import static dev.kyra.profile.CustomerFields.ID_NUMBER;
import static dev.kyra.profile.CustomerFields.ID_TYPE;
import static dev.kyra.profile.CustomerFields.LAST_NAME;
import static dev.kyra.profile.CustomerFields.PHONE;
import static dev.kyra.profile.CustomerFields.REGISTRATION_NUMBER;
import static dev.kyra.profile.CustomerFields.STREET;

import dev.kyra.profile.CustomerType;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.FieldValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a profile must hold before a tier may be asked for (decision A5). Each tier needs everything
 * the tiers below it need:
 * <ul>
 *   <li>tier-1: a name, a phone or an email, and a date of birth (individuals) or registration name
 *       (businesses);</li>
 *   <li>tier-2: an identity (bvn, nin or passport for individuals; cac for businesses) and an
 *       address;</li>
 *   <li>tier-3: the identity document's URL.</li>
 * </ul>
 */
final class TierRequirements {

    private static final Set<String> INDIVIDUAL_IDENTITIES = Set.of("bvn", "nin", "passport");

    private TierRequirements() {
    }

    /** The fields missing for the tier, in the order the rule lists them; empty when it may be asked for. */
    static List<FieldPath> missingFor(Tier tier, CustomerType type, FieldValues profile) {
        List<FieldPath> missing = new ArrayList<>();
        boolean individual = type == CustomerType.INDIVIDUAL;
        if (individual) {
            need(missing, profile, FIRST_NAME);
            need(missing, profile, LAST_NAME);
        } else {
            need(missing, profile, BUSINESS_NAME);
        }
        if (profile.get(PHONE) == null && profile.get(EMAIL) == null) {
            missing.add(FieldPath.of(PHONE));
        }
        if (individual) {
            need(missing, profile, DATE_OF_BIRTH);
        }
        if (tier == Tier.TIER_1) {
            return missing;
        }
        if (individual) {
            if (!INDIVIDUAL_IDENTITIES.contains(profile.get(ID_TYPE))) {
                missing.add(FieldPath.of(ID_TYPE));
            }
            need(missing, profile, ID_NUMBER);
        } else {
            if (!"cac".equals(profile.get(BUSINESS_IDENTITY_TYPE))) {
                missing.add(FieldPath.of(BUSINESS_IDENTITY_TYPE));
            }
            need(missing, profile, REGISTRATION_NUMBER);
        }
        need(missing, profile, STREET);
        need(missing, profile, CITY);
        need(missing, profile, COUNTRY);
        if (tier == Tier.TIER_3) {
            need(missing, profile, individual ? ID_DOCUMENT_URL : BUSINESS_DOCUMENT_URL);
        }
        return missing;
    }

    private static void need(List<FieldPath> missing, FieldValues profile, Field<?> field) {
        if (profile.get(field) == null) {
            missing.add(FieldPath.of(field));
        }
    }
}
