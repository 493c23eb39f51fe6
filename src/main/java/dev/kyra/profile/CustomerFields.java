package dev.kyra.profile;

import static dev.kyra.profile.Field.both;
import static dev.kyra.profile.Field.text;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every attribute a customer can have, whichever face set it. A field that only one face can express
 * still lives here, so that an update through the other face leaves it untouched (decision D1).
 */
public final class CustomerFields {

    private static final Set<CustomerType> INDIVIDUAL = EnumSet.of(CustomerType.INDIVIDUAL);
    private static final Set<CustomerType> BUSINESS = EnumSet.of(CustomerType.BUSINESS);

    /** Identity document types of individuals, as far as any face accepts them. */
    public static final Set<String> IDENTITY_TYPES =
            Set.of("passport", "drivers_license", "resident_permit", "bvn", "nin", "voters_card");
    public static final Set<String> BUSINESS_TYPES = Set.of("corporation", "government_entity", "llc",
            "non_profit", "other", "partnership", "sole_proprietorship");
    public static final Set<String> SOURCES_OF_FUNDS = Set.of("business_revenue", "business_loans",
            "investment_income", "third_party_funds", "other");
    public static final Set<String> ANNUAL_REVENUE_BANDS = Set.of("0_99999", "100000_499999", "500000_999999",
            "1000000_4999999", "5000000_24999999", "25000000_99999999", "100000000_249999999", "250000000_plus");
    public static final Set<String> ACCOUNT_PURPOSES = Set.of("receive_payments_for_goods_and_services",
            "send_payments_for_goods_and_services", "send_receive_funds_related_parties", "other");

    /** Identity types of businesses (decision A10). */
    public static final Set<String> BUSINESS_IDENTITY_TYPES = Set.of("cac", "tin");

    /** The customer's legal name as one string (the Allawee face's {@code name}). */
    public static final Field<String> NAME = text("name", both(), 255);

    // contact and registered address, for both types
    public static final Field<String> EMAIL = text("email", both(), 255, Constraints.EMAIL).personal();
    public static final Field<String> PHONE = text("phone", both(), 32, Constraints.PHONE).personal();
    public static final Field<String> COUNTRY = text("country", both(), 2, Constraints.COUNTRY);
    public static final Field<String> STREET = text("street", both(), 255).personal();
    public static final Field<String> STREET_LINE_2 = text("street_line_2", both(), 255).personal();
    public static final Field<String> CITY = text("city", both(), 255).personal();
    public static final Field<String> STATE = text("state", both(), 255).personal();
    public static final Field<String> POSTAL_CODE = text("zip_code", both(), 20).personal();
    public static final Field<String> TIN = text("tin", both(), 50).sealed();
    public static final Field<LocalDate> DATE_OF_BIRTH =
            Field.of("dob", LocalDate.class, both(), Constraints.BEFORE_TODAY).sealed();
    public static final Field<LocalDate> ID_ISSUE_DATE =
            Field.of("id_issue_date", LocalDate.class, both(), Constraints.NOT_AFTER_TODAY).personal();
    public static final Field<LocalDate> ID_EXPIRY_DATE = Field.of("id_expiry_date", LocalDate.class, both()).personal();

    // individuals
    public static final Field<String> FIRST_NAME = text("first_name", INDIVIDUAL, 255);
    public static final Field<String> MIDDLE_NAME = text("middle_name", INDIVIDUAL, 255);
    public static final Field<String> LAST_NAME = text("last_name", INDIVIDUAL, 255);
    public static final Field<String> TITLE = text("title", INDIVIDUAL, 50);
    public static final Field<String> GENDER = text("gender", INDIVIDUAL, 1, Constraints.oneOf(Set.of("M", "F")));
    public static final Field<String> NATIONALITY = text("nationality", INDIVIDUAL, 2, Constraints.COUNTRY);
    public static final Field<String> ID_TYPE = text("id_type", INDIVIDUAL, 32, Constraints.oneOf(IDENTITY_TYPES));
    public static final Field<String> ID_NUMBER = text("id_number", INDIVIDUAL, 100).sealedAndIndexed();
    public static final Field<String> ID_ISSUING_COUNTRY = text("id_issuing_country", INDIVIDUAL, 2, Constraints.COUNTRY);
    public static final Field<String> ID_DOCUMENT_URL = text("id_document_url", INDIVIDUAL, 2048, Constraints.WEB_ADDRESS).personal();

    // businesses
    public static final Field<String> BUSINESS_NAME = text("business_name", BUSINESS, 255);
    public static final Field<String> TRADING_NAME = text("trading_name", BUSINESS, 255);
    public static final Field<String> BUSINESS_TYPE = text("business_type", BUSINESS, 32, Constraints.oneOf(BUSINESS_TYPES));
    public static final Field<String> REGISTRATION_NUMBER = text("registration_number", BUSINESS, 100).sealedAndIndexed();
    public static final Field<String> INCORPORATION_COUNTRY =
            text("incorporation_country", BUSINESS, 2, Constraints.COUNTRY);
    public static final Field<LocalDate> INCORPORATION_DATE =
            Field.of("incorporation_date", LocalDate.class, BUSINESS, Constraints.BEFORE_TODAY);
    public static final Field<String> INDUSTRY_TYPE = text("industry_type", BUSINESS, 255);
    public static final Field<String> BUSINESS_DESCRIPTION = Field.paragraph("business_description", BUSINESS, 2000);
    public static final Field<String> WEBSITE = text("website", BUSINESS, 2048, Constraints.WEB_ADDRESS);
    public static final Field<String> SOURCE_OF_FUNDS =
            text("source_of_funds", BUSINESS, 32, Constraints.oneOf(SOURCES_OF_FUNDS));
    public static final Field<String> ESTIMATED_ANNUAL_REVENUE =
            text("estimated_annual_revenue", BUSINESS, 32, Constraints.oneOf(ANNUAL_REVENUE_BANDS));
    public static final Field<Long> EXPECTED_MONTHLY_PAYMENTS =
            Field.of("expected_monthly_payments", Long.class, BUSINESS, Constraints.between(0, 1_000_000_000));
    public static final Field<String> ACCOUNT_PURPOSE =
            text("account_purpose", BUSINESS, 64, Constraints.oneOf(ACCOUNT_PURPOSES));
    public static final Field<String> OPERATING_STREET = text("operating_street", BUSINESS, 255).personal();
    public static final Field<String> OPERATING_CITY = text("operating_city", BUSINESS, 255).personal();
    public static final Field<String> OPERATING_STATE = text("operating_state", BUSINESS, 255).personal();
    public static final Field<String> OPERATING_POSTAL_CODE = text("operating_zip_code", BUSINESS, 20).personal();
    public static final Field<String> OPERATING_COUNTRY = text("operating_country", BUSINESS, 2, Constraints.COUNTRY);
    public static final Field<String> BUSINESS_IDENTITY_TYPE =
            text("business_identity_type", BUSINESS, 8, Constraints.oneOf(BUSINESS_IDENTITY_TYPES));
    public static final Field<String> BUSINESS_DOCUMENT_URL =
            text("business_document_url", BUSINESS, 2048, Constraints.WEB_ADDRESS).personal();
    /** Names or customer ids of a business's directors, as the Allawee face sends them (decision A10). */
    public static final Field<List<String>> DIRECTORS = Field.list("directors", BUSINESS, 50, 255);

    /** The operating-address fields that need an operating country beside them. */
    public static final List<Field<String>> OPERATING_ADDRESS =
            List.of(OPERATING_STREET, OPERATING_CITY, OPERATING_STATE, OPERATING_POSTAL_CODE);

    /** What {@code kyc-data} may set (Blaaiz spec §4.5); the operating address only on businesses. */
    public static final List<Field<?>> KYC_DATA = List.of(DATE_OF_BIRTH, STREET, CITY, STATE, POSTAL_CODE,
            ID_EXPIRY_DATE, ID_ISSUE_DATE, OPERATING_STREET, OPERATING_CITY, OPERATING_STATE, OPERATING_POSTAL_CODE,
            OPERATING_COUNTRY);

    /** What an upgrade to FULL may add or override besides owners (Blaaiz spec §4.9). */
    public static final List<Field<?>> UPGRADE = List.of(TRADING_NAME, BUSINESS_TYPE, INCORPORATION_DATE, INDUSTRY_TYPE,
            BUSINESS_DESCRIPTION, WEBSITE, SOURCE_OF_FUNDS, ESTIMATED_ANNUAL_REVENUE, EXPECTED_MONTHLY_PAYMENTS,
            ACCOUNT_PURPOSE, OPERATING_STREET, OPERATING_CITY, OPERATING_STATE, OPERATING_POSTAL_CODE, OPERATING_COUNTRY,
            REGISTRATION_NUMBER, INCORPORATION_COUNTRY, COUNTRY);

    public static final List<Field<?>> ALL = List.of(NAME, EMAIL, PHONE, COUNTRY, STREET, STREET_LINE_2, CITY, STATE,
            POSTAL_CODE, TIN, DATE_OF_BIRTH, ID_ISSUE_DATE, ID_EXPIRY_DATE, FIRST_NAME, MIDDLE_NAME, LAST_NAME,
            TITLE, GENDER, NATIONALITY, ID_TYPE, ID_NUMBER, ID_ISSUING_COUNTRY, ID_DOCUMENT_URL, BUSINESS_NAME,
            TRADING_NAME, BUSINESS_TYPE, REGISTRATION_NUMBER, INCORPORATION_COUNTRY, INCORPORATION_DATE,
            INDUSTRY_TYPE, BUSINESS_DESCRIPTION, WEBSITE, SOURCE_OF_FUNDS, ESTIMATED_ANNUAL_REVENUE,
            EXPECTED_MONTHLY_PAYMENTS, ACCOUNT_PURPOSE, OPERATING_STREET, OPERATING_CITY, OPERATING_STATE,
            OPERATING_POSTAL_CODE, OPERATING_COUNTRY, BUSINESS_IDENTITY_TYPE, BUSINESS_DOCUMENT_URL, DIRECTORS);

    private static final Map<String, Field<?>> BY_KEY =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Field::key, Function.identity()));

    private CustomerFields() {
    }

    public static Optional<Field<?>> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
