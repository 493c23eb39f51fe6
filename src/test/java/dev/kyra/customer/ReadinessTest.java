package dev.kyra.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.platform.Mode;
import dev.kyra.platform.Tenant;
import dev.kyra.profile.CustomerFields;
import dev.kyra.profile.CustomerType;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.FieldValues;
import dev.kyra.profile.OwnerFields;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every readiness message of Blaaiz spec §4.8, word for word. Some gaps cannot be reached over HTTP
 * any more (the write rules refuse them first, or a date has to pass), so they are checked here on
 * the rule itself; the reachable ones are also checked over HTTP in {@code BlaaizSubmitTest}.
 */
class ReadinessTest {

    private static final Tenant TENANT = new Tenant(UUID.randomUUID(), Mode.TEST);
    private static final Instant NOW = Instant.now();
    private static final FileRef FILE = new FileRef(UUID.randomUUID(), "key");
    private static final Document CERTIFICATE = new Document(UUID.randomUUID(), UUID.randomUUID(),
            "CERTIFICATE_OF_INCORPORATION", "Certificate", "pdf", null, ReviewStatus.PENDING, null, FILE, NOW, NOW);

    @Test
    void anIndividualNeedsItsIdentityFile() {
        Customer individual = customer(CustomerType.INDIVIDUAL, null, FieldValues.empty());
        assertThat(gap(individual, List.of(), List.of(), Map.of()))
                .isEqualTo("id_file is required.");
        assertThat(Readiness.gap(individual, List.of(), List.of(), Map.of(LegacyFileSlot.ID_FILE, FILE))).isEmpty();
    }

    @Test
    void aBusinessNeedsItsNameCountriesRegistrationAndAFormationDocument() {
        assertThat(gapOf(complete().clear(CustomerFields.BUSINESS_NAME)))
                .isEqualTo("business_name is required.");
        assertThat(gapOf(complete().set(CustomerFields.COUNTRY, "XX")))
                .isEqualTo("country must be a valid ISO 3166-1 alpha-2 country code.");
        assertThat(gapOf(complete().clear(CustomerFields.REGISTRATION_NUMBER)))
                .isEqualTo("registration_number is required.");
        assertThat(gapOf(complete().clear(CustomerFields.INCORPORATION_COUNTRY)))
                .isEqualTo("incorporation_country is required.");
        assertThat(gapOf(complete().set(CustomerFields.INCORPORATION_COUNTRY, "ZZ")))
                .isEqualTo("incorporation_country must be a valid ISO 3166-1 alpha-2 country code.");
        assertThat(gapOf(complete().set(CustomerFields.COUNTRY, "GH")))
                .isEqualTo("country must equal incorporation_country.");
        assertThat(gapOf(complete().set(CustomerFields.OPERATING_CITY, "Accra")))
                .isEqualTo("operating_country must be a valid ISO 3166-1 alpha-2 country code.");
        Customer business = customer(CustomerType.BUSINESS, KybScope.MINIMAL, complete().build());
        assertThat(gap(business, List.of(), List.of(), Map.of()))
                .isEqualTo("at least one formation document is required.");
        Document otherType = new Document(UUID.randomUUID(), business.id(), "BANK_STATEMENT", "Statement", "pdf", null,
                ReviewStatus.PENDING, null, FILE, NOW, NOW);
        assertThat(gap(business, List.of(), List.of(otherType), Map.of()))
                .isEqualTo("at least one formation document is required.");
        assertThat(Readiness.gap(business, List.of(), List.of(CERTIFICATE), Map.of())).as("MINIMAL: owners optional").isEmpty();
    }

    @Test
    void aFullBusinessNeedsOwnersWhoAddUpAndHaveTheirIdFiles() {
        assertThat(fullGap()).isEqualTo("at least one owner is required.");
        assertThat(fullGap(owner("Jane", "60", "passport", true, false), owner("John", "30", "passport", true, false)))
                .isEqualTo("ownership_percentage of all owners must sum to 100%, but currently sums to 90%.");
        assertThat(fullGap(owner("Jane", "60", "passport", true, false), owner("John", "39.99", "passport", true, false)))
                .isEqualTo("ownership_percentage of all owners must sum to 100%, but currently sums to 99.99%.");
        Owner jane = owner("Jane", "50", "passport", true, false);
        Owner janeAgain = withEmail(owner("Janet", "50", "passport", true, false), "JANE@example.com");
        assertThat(fullGap(withEmail(jane, "jane@example.com"), janeAgain))
                .isEqualTo("owner emails must be unique within the customer.");
        assertThat(fullGap(owner("Jane", "100", "passport", false, false)))
                .isEqualTo("owner Jane Doe is missing id_document_front.");
        assertThat(fullGap(owner("Jane", "100", "drivers_license", true, false)))
                .isEqualTo("owner Jane Doe id_document_type=drivers_license requires id_document_back.");
        assertThat(fullGap(owner("Jane", "100", "passport", true, true)))
                .isEqualTo("owner Jane Doe id_document_type=passport must not have id_document_back.");
        assertThat(fullGap(with(owner("Jane", "100", "passport", true, false), OwnerFields.DATE_OF_BIRTH,
                LocalDate.now(ZoneOffset.UTC).minusYears(17))))
                .isEqualTo("owner Jane Doe date_of_birth must be at least 18 years ago.");
        assertThat(fullGap(with(owner("Jane", "100", "passport", true, false), OwnerFields.ID_EXPIRY_DATE, LocalDate.now(ZoneOffset.UTC))))
                .isEqualTo("owner Jane Doe id_expiry_date must be a future date.");
        assertThat(Readiness.gap(customer(CustomerType.BUSINESS, KybScope.FULL, complete().build()),
                List.of(owner("Jane", "60", "passport", true, false), owner("John", "40", "id_card", true, true)),
                List.of(CERTIFICATE), Map.of())).isEmpty();
    }

    private static String fullGap(Owner... owners) {
        return gap(customer(CustomerType.BUSINESS, KybScope.FULL, complete().build()), List.of(owners), List.of(CERTIFICATE),
                Map.of());
    }

    private static String gapOf(FieldValues.Builder profile) {
        return gap(customer(CustomerType.BUSINESS, KybScope.MINIMAL, profile.build()), List.of(), List.of(CERTIFICATE), Map.of());
    }

    private static String gap(Customer customer, List<Owner> owners, List<Document> documents,
                              Map<LegacyFileSlot, FileRef> files) {
        return Readiness.gap(customer, owners, documents, files).orElseThrow()
                .render(ReadinessTest::nameOf);
    }

    private static String nameOf(FieldPath path) {
        Object leaf = path.leaf();
        return leaf instanceof Field<?> field ? field.key() : ((Enum<?>) leaf).name().toLowerCase(java.util.Locale.ROOT);
    }

    private static FieldValues.Builder complete() {
        return FieldValues.builder().set(CustomerFields.BUSINESS_NAME, "Acme").set(CustomerFields.COUNTRY, "NG")
                .set(CustomerFields.REGISTRATION_NUMBER, "RC1").set(CustomerFields.INCORPORATION_COUNTRY, "NG");
    }

    private static Customer customer(CustomerType type, KybScope scope, FieldValues profile) {
        return new Customer(UUID.randomUUID(), new byte[12], TENANT, type, VerificationStatus.PENDING, scope,
                Activity.ACTIVE, null, UUID.randomUUID(), false, profile, "{}", 1, NOW, NOW, null);
    }

    private static Owner owner(String firstName, String percentage, String documentType, boolean front, boolean back) {
        FieldValues profile = FieldValues.builder().set(OwnerFields.FIRST_NAME, firstName).set(OwnerFields.LAST_NAME, "Doe")
                .set(OwnerFields.OWNERSHIP_PERCENTAGE, new BigDecimal(percentage))
                .set(OwnerFields.ID_DOCUMENT_TYPE, documentType).build();
        return new Owner(UUID.randomUUID(), UUID.randomUUID(), ReviewStatus.PENDING, null, profile,
                front ? FILE : null, back ? FILE : null, NOW, NOW);
    }

    private static Owner withEmail(Owner owner, String email) {
        return with(owner, OwnerFields.EMAIL, email);
    }

    private static <T> Owner with(Owner owner, Field<T> field, T value) {
        return new Owner(owner.id(), owner.customerId(), owner.status(), null,
                owner.profile().with(FieldValues.builder().set(field, value).build()),
                owner.idDocumentFront(), owner.idDocumentBack(), NOW, NOW);
    }
}
