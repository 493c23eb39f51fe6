package dev.kyra.profile;

import static dev.kyra.profile.Field.both;
import static dev.kyra.profile.Field.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The attributes of a business's beneficial owner, signatory or director (Blaaiz spec §3.3). */
public final class OwnerFields {

    public static final Set<String> ID_DOCUMENT_TYPES = Set.of("passport", "drivers_license", "id_card", "resident_permit");

    public static final Field<String> FIRST_NAME = text("first_name", both(), 255);
    public static final Field<String> LAST_NAME = text("last_name", both(), 255);
    public static final Field<String> EMAIL = text("email", both(), 255, Constraints.EMAIL).personal();
    public static final Field<String> PHONE = text("phone", both(), 32, Constraints.PHONE).personal();
    public static final Field<LocalDate> DATE_OF_BIRTH =
            Field.of("date_of_birth", LocalDate.class, both(), Constraints.AT_LEAST_18_YEARS_AGO).sealed();
    public static final Field<String> NATIONALITY = text("nationality", both(), 2, Constraints.COUNTRY);
    public static final Field<String> TITLE = text("title", both(), 255);
    public static final Field<BigDecimal> OWNERSHIP_PERCENTAGE =
            Field.of("ownership_percentage", BigDecimal.class, both(), Constraints.percentage());
    public static final Field<Boolean> HAS_CONTROL = Field.of("has_control", Boolean.class, both());
    public static final Field<Boolean> IS_SIGNER = Field.of("is_signer", Boolean.class, both());
    public static final Field<Boolean> IS_BENEFICIAL_OWNER = Field.of("is_beneficial_owner", Boolean.class, both());
    public static final Field<Boolean> IS_PEP = Field.of("is_pep", Boolean.class, both());
    public static final Field<Boolean> USA_TAX_RESIDENCY = Field.of("usa_tax_residency", Boolean.class, both());
    public static final Field<String> STREET = text("street", both(), 255, Constraints.minLength(9)).personal();
    public static final Field<String> CITY = text("city", both(), 255).personal();
    public static final Field<String> STATE = text("state", both(), 255).personal();
    public static final Field<String> POSTAL_CODE = text("zip_code", both(), 20).personal();
    public static final Field<String> COUNTRY = text("country", both(), 2, Constraints.COUNTRY);
    public static final Field<String> ID_DOCUMENT_TYPE =
            text("id_document_type", both(), 32, Constraints.oneOf(ID_DOCUMENT_TYPES));
    public static final Field<String> ID_DOCUMENT_NUMBER = text("id_document_number", both(), 100).sealed();
    public static final Field<String> ID_DOCUMENT_COUNTRY = text("id_document_country", both(), 2, Constraints.COUNTRY);
    public static final Field<LocalDate> ID_EXPIRY_DATE =
            Field.of("id_expiry_date", LocalDate.class, both(), Constraints.AFTER_TODAY).personal();
    public static final Field<String> TIN = text("tin", both(), 50, Constraints.minLength(5)).sealed();

    public static final List<Field<?>> ALL = List.of(FIRST_NAME, LAST_NAME, EMAIL, PHONE, DATE_OF_BIRTH, NATIONALITY, TITLE,
            OWNERSHIP_PERCENTAGE, HAS_CONTROL, IS_SIGNER, IS_BENEFICIAL_OWNER, IS_PEP, USA_TAX_RESIDENCY, STREET,
            CITY, STATE, POSTAL_CODE, COUNTRY, ID_DOCUMENT_TYPE, ID_DOCUMENT_NUMBER, ID_DOCUMENT_COUNTRY,
            ID_EXPIRY_DATE, TIN);

    /** What every new owner needs. */
    public static final List<Field<?>> REQUIRED = List.of(FIRST_NAME, LAST_NAME);

    private static final Map<String, Field<?>> BY_KEY =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Field::key, Function.identity()));

    private OwnerFields() {
    }

    public static Optional<Field<?>> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
