package dev.kyra.profile;

import static dev.kyra.profile.CustomerFields.COUNTRY;
import static dev.kyra.profile.CustomerFields.INCORPORATION_COUNTRY;
import static dev.kyra.profile.CustomerFields.OPERATING_COUNTRY;
import static dev.kyra.profile.CustomerFields.OPERATING_POSTAL_CODE;
import static dev.kyra.profile.CustomerFields.POSTAL_CODE;

import dev.kyra.validation.PostalCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules about a customer's profile that do not depend on its verification state: which fields a
 * type may have, which values are valid, and how fields must agree with each other once a change is
 * merged with what is stored.
 */
public final class ProfileRules {

    private ProfileRules() {
    }

    /** Fields that do not apply to the customer's type: the whole request is refused (spec §4.1, §4.4). */
    public static List<Violation> typeScope(CustomerType type, FieldValues patch) {
        List<Violation> violations = new ArrayList<>();
        for (Field<?> field : patch.fields()) {
            if (!field.appliesTo(type)) {
                violations.add(Violation.of(field, "{field} is not allowed for {0} customers", type.code()));
            }
        }
        return violations;
    }

    public static List<Violation> required(FieldValues profile, List<Field<?>> required) {
        List<Violation> violations = new ArrayList<>();
        for (Field<?> field : required) {
            if (profile.get(field) == null) {
                violations.add(Violation.of(field, "{field} is required"));
            }
        }
        return violations;
    }

    /** Each value given in the patch against its own field's rules. */
    public static List<Violation> values(FieldValues patch) {
        return values(patch, FieldPath::of);
    }

    public static List<Violation> values(FieldValues patch, java.util.function.Function<Field<?>, FieldPath> pathOf) {
        List<Violation> violations = new ArrayList<>();
        for (Field<?> field : patch.fields()) {
            problemsOf(field, patch).forEach(template -> violations.add(Violation.of(pathOf.apply(field), template)));
        }
        return violations;
    }

    private static <T> List<String> problemsOf(Field<T> field, FieldValues values) {
        T value = values.get(field);
        return value == null ? List.of() : field.problemsWith(value);
    }

    /**
     * Rules between fields, checked on the merged profile for the fields the patch touches, so a
     * change of one side of a pair is judged against the stored other side (spec §4.4 rules 6-7).
     */
    public static List<Violation> agreement(CustomerType type, FieldValues merged, FieldValues patch) {
        List<Violation> violations = new ArrayList<>();
        if (type == CustomerType.BUSINESS && (patch.mentions(COUNTRY) || patch.mentions(INCORPORATION_COUNTRY))
                && merged.get(COUNTRY) != null && merged.get(INCORPORATION_COUNTRY) != null
                && !Objects.equals(merged.get(COUNTRY), merged.get(INCORPORATION_COUNTRY))) {
            violations.add(Violation.of(COUNTRY, "{field} must equal {0}", FieldPath.of(INCORPORATION_COUNTRY)));
        }
        boolean operatingTouched = patch.mentions(OPERATING_COUNTRY)
                || CustomerFields.OPERATING_ADDRESS.stream().anyMatch(patch::mentions);
        boolean hasOperatingAddress = CustomerFields.OPERATING_ADDRESS.stream().anyMatch(f -> merged.get(f) != null);
        if (operatingTouched && hasOperatingAddress && merged.get(OPERATING_COUNTRY) == null) {
            violations.add(Violation.of(OPERATING_COUNTRY, "{field} is required when an operating address is given"));
        }
        checkPostalCode(POSTAL_CODE, COUNTRY, merged, patch, violations);
        checkPostalCode(OPERATING_POSTAL_CODE, OPERATING_COUNTRY, merged, patch, violations);
        return violations;
    }

    /** A postal code is judged against its anchor country: the one in the patch, else the stored one. */
    private static void checkPostalCode(Field<String> postalCode, Field<String> anchor, FieldValues merged,
                                        FieldValues patch, List<Violation> violations) {
        String code = merged.get(postalCode);
        String country = merged.get(anchor);
        if (code == null || country == null || !(patch.mentions(postalCode) || patch.mentions(anchor))) {
            return;
        }
        if (!PostalCodes.isValidFor(country, code)) {
            violations.add(Violation.of(postalCode, "{field} is not a valid postal code for {0}", country));
        }
    }
}
