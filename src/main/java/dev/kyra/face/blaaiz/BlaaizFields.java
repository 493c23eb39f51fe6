package dev.kyra.face.blaaiz;

import static dev.kyra.profile.CustomerFields.ACCOUNT_PURPOSE;
import static dev.kyra.profile.CustomerFields.BUSINESS_DESCRIPTION;
import static dev.kyra.profile.CustomerFields.BUSINESS_NAME;
import static dev.kyra.profile.CustomerFields.BUSINESS_TYPE;
import static dev.kyra.profile.CustomerFields.CITY;
import static dev.kyra.profile.CustomerFields.COUNTRY;
import static dev.kyra.profile.CustomerFields.DATE_OF_BIRTH;
import static dev.kyra.profile.CustomerFields.EMAIL;
import static dev.kyra.profile.CustomerFields.ESTIMATED_ANNUAL_REVENUE;
import static dev.kyra.profile.CustomerFields.EXPECTED_MONTHLY_PAYMENTS;
import static dev.kyra.profile.CustomerFields.FIRST_NAME;
import static dev.kyra.profile.CustomerFields.ID_EXPIRY_DATE;
import static dev.kyra.profile.CustomerFields.ID_ISSUE_DATE;
import static dev.kyra.profile.CustomerFields.ID_NUMBER;
import static dev.kyra.profile.CustomerFields.ID_TYPE;
import static dev.kyra.profile.CustomerFields.INCORPORATION_COUNTRY;
import static dev.kyra.profile.CustomerFields.INCORPORATION_DATE;
import static dev.kyra.profile.CustomerFields.INDUSTRY_TYPE;
import static dev.kyra.profile.CustomerFields.LAST_NAME;
import static dev.kyra.profile.CustomerFields.OPERATING_CITY;
import static dev.kyra.profile.CustomerFields.OPERATING_COUNTRY;
import static dev.kyra.profile.CustomerFields.OPERATING_POSTAL_CODE;
import static dev.kyra.profile.CustomerFields.OPERATING_STATE;
import static dev.kyra.profile.CustomerFields.OPERATING_STREET;
import static dev.kyra.profile.CustomerFields.PHONE;
import static dev.kyra.profile.CustomerFields.POSTAL_CODE;
import static dev.kyra.profile.CustomerFields.REGISTRATION_NUMBER;
import static dev.kyra.profile.CustomerFields.SOURCE_OF_FUNDS;
import static dev.kyra.profile.CustomerFields.STATE;
import static dev.kyra.profile.CustomerFields.STREET;
import static dev.kyra.profile.CustomerFields.TIN;
import static dev.kyra.profile.CustomerFields.TRADING_NAME;
import static dev.kyra.profile.CustomerFields.WEBSITE;

import dev.kyra.profile.Attribute;
import dev.kyra.profile.CustomerType;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.OwnerFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Blaaiz JSON names of core fields, in the order the face prints them (spec §3.1-§3.3). Reading,
 * writing and error messages all use this table, so a name is written down once.
 */
final class BlaaizFields {

    record Name(String json, Field<?> field) {
    }

    /** Top-level customer fields, in the order of the spec's GET example. */
    static final List<Name> CUSTOMER = List.of(
            name("first_name", FIRST_NAME), name("last_name", LAST_NAME), name("business_name", BUSINESS_NAME),
            name("trading_name", TRADING_NAME), name("business_type", BUSINESS_TYPE),
            name("registration_number", REGISTRATION_NUMBER), name("incorporation_country", INCORPORATION_COUNTRY),
            name("incorporation_date", INCORPORATION_DATE), name("industry_type", INDUSTRY_TYPE),
            name("business_description", BUSINESS_DESCRIPTION), name("website", WEBSITE),
            name("source_of_funds", SOURCE_OF_FUNDS), name("estimated_annual_revenue", ESTIMATED_ANNUAL_REVENUE),
            name("expected_monthly_payments", EXPECTED_MONTHLY_PAYMENTS), name("account_purpose", ACCOUNT_PURPOSE),
            name("email", EMAIL), name("phone", PHONE), name("country", COUNTRY), name("id_type", ID_TYPE),
            name("id_number", ID_NUMBER), name("tin", TIN));

    /** Fields sent flat in requests but shown inside {@code kyc_data} (spec §3.2, decision B13). */
    static final List<Name> KYC_DATA = List.of(
            name("dob", DATE_OF_BIRTH), name("street", STREET), name("city", CITY), name("state", STATE),
            name("zip_code", POSTAL_CODE), name("operating_street", OPERATING_STREET),
            name("operating_city", OPERATING_CITY), name("operating_state", OPERATING_STATE),
            name("operating_zip_code", OPERATING_POSTAL_CODE), name("operating_country", OPERATING_COUNTRY),
            name("id_expiry_date", ID_EXPIRY_DATE), name("id_issue_date", ID_ISSUE_DATE));

    static final List<Name> OWNER = List.of(
            name("first_name", OwnerFields.FIRST_NAME), name("last_name", OwnerFields.LAST_NAME),
            name("email", OwnerFields.EMAIL), name("phone", OwnerFields.PHONE),
            name("date_of_birth", OwnerFields.DATE_OF_BIRTH), name("nationality", OwnerFields.NATIONALITY),
            name("title", OwnerFields.TITLE), name("ownership_percentage", OwnerFields.OWNERSHIP_PERCENTAGE),
            name("has_control", OwnerFields.HAS_CONTROL), name("is_signer", OwnerFields.IS_SIGNER),
            name("is_beneficial_owner", OwnerFields.IS_BENEFICIAL_OWNER), name("is_pep", OwnerFields.IS_PEP),
            name("usa_tax_residency", OwnerFields.USA_TAX_RESIDENCY), name("street", OwnerFields.STREET),
            name("city", OwnerFields.CITY), name("state", OwnerFields.STATE), name("zip_code", OwnerFields.POSTAL_CODE),
            name("country", OwnerFields.COUNTRY), name("id_document_type", OwnerFields.ID_DOCUMENT_TYPE),
            name("id_document_number", OwnerFields.ID_DOCUMENT_NUMBER),
            name("id_document_country", OwnerFields.ID_DOCUMENT_COUNTRY),
            name("id_expiry_date", OwnerFields.ID_EXPIRY_DATE), name("tin", OwnerFields.TIN));

    /** Customer-level identity documents this face accepts: national ID cards are not (spec §3.6). */
    static final Set<String> ID_TYPES = Set.of("drivers_license", "passport", "resident_permit");

    /** What a create request must carry, per type, in the order problems are reported (spec §4.1). */
    static final Map<CustomerType, List<Field<?>>> REQUIRED_ON_CREATE = Map.of(
            CustomerType.INDIVIDUAL, List.of(EMAIL, COUNTRY, FIRST_NAME, LAST_NAME, ID_TYPE, ID_NUMBER),
            CustomerType.BUSINESS, List.of(EMAIL, COUNTRY, BUSINESS_NAME, REGISTRATION_NUMBER, INCORPORATION_COUNTRY));

    private static final Map<String, Field<?>> CUSTOMER_BY_NAME = Stream.concat(CUSTOMER.stream(), KYC_DATA.stream())
            .collect(Collectors.toUnmodifiableMap(Name::json, Name::field));
    private static final Map<String, Field<?>> OWNER_BY_NAME =
            OWNER.stream().collect(Collectors.toUnmodifiableMap(Name::json, Name::field));
    private static final Map<Field<?>, String> JSON_NAMES = new HashMap<>();

    static {
        Stream.of(CUSTOMER, KYC_DATA, OWNER).flatMap(List::stream).forEach(n -> JSON_NAMES.put(n.field(), n.json()));
    }

    private BlaaizFields() {
    }

    static Optional<Field<?>> customerField(String json) {
        return Optional.ofNullable(CUSTOMER_BY_NAME.get(json));
    }

    static Optional<Field<?>> ownerField(String json) {
        return Optional.ofNullable(OWNER_BY_NAME.get(json));
    }

    /** A problem's location as this face's clients know it: {@code email}, {@code owners.1.email}. */
    static String name(FieldPath path) {
        if (path == null) {
            return "request";
        }
        return path.segments().stream().map(BlaaizFields::segmentName).collect(Collectors.joining("."));
    }

    private static String segmentName(Object segment) {
        if (segment instanceof Field<?> field) {
            return JSON_NAMES.getOrDefault(field, field.key());
        }
        if (segment instanceof Attribute attribute) {
            return switch (attribute) {
                case TYPE -> "type";
                case KYB_SCOPE -> "kyb_scope";
                case REFERENCE -> "reference";
                case METADATA -> "metadata";
                case TIERS -> "verifications";
                case VERIFICATION_STATUS -> "verification_status";
                case OWNERS -> "owners";
                case OWNER_ID -> "id";
            };
        }
        if (segment instanceof Enum<?> part) {
            return part.name().toLowerCase(java.util.Locale.ROOT); // file slots and request parts: id_file, file_category
        }
        return String.valueOf(segment);
    }

    private static Name name(String json, Field<?> field) {
        return new Name(json, field);
    }
}
