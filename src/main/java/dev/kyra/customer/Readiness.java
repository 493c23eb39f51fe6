package dev.kyra.customer;

import static dev.kyra.profile.CustomerFields.BUSINESS_NAME;
import static dev.kyra.profile.CustomerFields.COUNTRY;
import static dev.kyra.profile.CustomerFields.INCORPORATION_COUNTRY;
import static dev.kyra.profile.CustomerFields.OPERATING_COUNTRY;
import static dev.kyra.profile.CustomerFields.REGISTRATION_NUMBER;

import dev.kyra.profile.CustomerFields;
import dev.kyra.profile.CustomerType;
import dev.kyra.profile.DocumentTypes;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.FieldValues;
import dev.kyra.profile.OwnerFields;
import dev.kyra.profile.Violation;
import dev.kyra.validation.Countries;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a customer is complete enough to be verified (Blaaiz spec §4.8): the first gap found, or
 * nothing. The customer stays editable whatever the answer; faces word the refusal their own way.
 */
final class Readiness {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Readiness() {
    }

    static Optional<Violation> gap(Customer customer, List<Owner> owners, List<Document> documents,
                                   Map<LegacyFileSlot, FileRef> files) {
        if (customer.type() == CustomerType.INDIVIDUAL) {
            return files.containsKey(LegacyFileSlot.ID_FILE) ? Optional.empty()
                    : gap("{0} is required.", LegacyFileSlot.ID_FILE);
        }
        return businessGap(customer.profile())
                .or(() -> documents.stream().anyMatch(d -> DocumentTypes.FORMATION.contains(d.type())) ? Optional.empty()
                        : gap("at least one formation document is required."))
                .or(() -> customer.kybScope() == KybScope.MINIMAL ? Optional.empty() : ownersGap(owners));
    }

    private static Optional<Violation> businessGap(FieldValues profile) {
        if (profile.get(BUSINESS_NAME) == null) {
            return gap("{0} is required.", BUSINESS_NAME);
        }
        if (!Countries.isCode(profile.get(COUNTRY))) {
            return gap("{0} must be a valid ISO 3166-1 alpha-2 country code.", COUNTRY);
        }
        if (profile.get(REGISTRATION_NUMBER) == null) {
            return gap("{0} is required.", REGISTRATION_NUMBER);
        }
        if (profile.get(INCORPORATION_COUNTRY) == null) {
            return gap("{0} is required.", INCORPORATION_COUNTRY);
        }
        if (!Countries.isCode(profile.get(INCORPORATION_COUNTRY))) {
            return gap("{0} must be a valid ISO 3166-1 alpha-2 country code.", INCORPORATION_COUNTRY);
        }
        if (!Objects.equals(profile.get(COUNTRY), profile.get(INCORPORATION_COUNTRY))) {
            return gap("{0} must equal {1}.", COUNTRY, INCORPORATION_COUNTRY);
        }
        boolean operatingAddress = CustomerFields.OPERATING_ADDRESS.stream().anyMatch(f -> profile.get(f) != null);
        if (operatingAddress && !Countries.isCode(profile.get(OPERATING_COUNTRY))) {
            return gap("{0} must be a valid ISO 3166-1 alpha-2 country code.", OPERATING_COUNTRY);
        }
        return Optional.empty();
    }

    /** A FULL business's owners: at least one, 100 % between them, distinct emails, complete ID files. */
    private static Optional<Violation> ownersGap(List<Owner> owners) {
        if (owners.isEmpty()) {
            return gap("at least one owner is required.");
        }
        BigDecimal sum = owners.stream().map(o -> o.get(OwnerFields.OWNERSHIP_PERCENTAGE)).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(HUNDRED) != 0) {
            return gap("{0} of all owners must sum to 100%, but currently sums to {1}%.",
                    OwnerFields.OWNERSHIP_PERCENTAGE, sum.stripTrailingZeros().toPlainString());
        }
        Set<String> emails = new HashSet<>();
        for (Owner owner : owners) {
            String email = owner.get(OwnerFields.EMAIL);
            if (email != null && !emails.add(email.toLowerCase(Locale.ROOT))) {
                return gap("owner emails must be unique within the customer.");
            }
        }
        for (Owner owner : owners) {
            Optional<Violation> gap = ownerGap(owner);
            if (gap.isPresent()) {
                return gap;
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> ownerGap(Owner owner) {
        String name = owner.get(OwnerFields.FIRST_NAME) + " " + owner.get(OwnerFields.LAST_NAME);
        String type = owner.get(OwnerFields.ID_DOCUMENT_TYPE);
        if (owner.idDocumentFront() == null) {
            return gap("owner {0} is missing {1}.", name, OwnerFileSlot.ID_DOCUMENT_FRONT);
        }
        if ("passport".equals(type) && owner.idDocumentBack() != null) {
            return gap("owner {0} {1}=passport must not have {2}.", name, OwnerFields.ID_DOCUMENT_TYPE,
                    OwnerFileSlot.ID_DOCUMENT_BACK);
        }
        if (type != null && !"passport".equals(type) && owner.idDocumentBack() == null) {
            return gap("owner {0} {1}=" + type + " requires {2}.", name, OwnerFields.ID_DOCUMENT_TYPE,
                    OwnerFileSlot.ID_DOCUMENT_BACK);
        }
        // the rules that hold when owners are written, checked again: a date may have passed since
        for (Field<?> field : List.of(OwnerFields.DATE_OF_BIRTH, OwnerFields.ID_EXPIRY_DATE, OwnerFields.NATIONALITY,
                OwnerFields.COUNTRY, OwnerFields.ID_DOCUMENT_COUNTRY)) {
            Optional<String> problem = problemOf(field, owner.profile());
            if (problem.isPresent()) {
                return gap("owner {0} " + problem.get().replace("{field}", "{1}") + ".", name, field);
            }
        }
        return Optional.empty();
    }

    private static <T> Optional<String> problemOf(Field<T> field, FieldValues profile) {
        T value = profile.get(field);
        return value == null ? Optional.empty() : field.problemsWith(value).stream().findFirst();
    }

    private static Optional<Violation> gap(String template, Object... arguments) {
        Object[] rendered = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            rendered[i] = arguments[i] instanceof Field<?> field ? FieldPath.of(field)
                    : arguments[i] instanceof Enum<?> part ? FieldPath.of(part) : arguments[i];
        }
        return Optional.of(Violation.general(template, rendered));
    }
}
