package dev.kyra.face.blaaiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/external/customer}, spec §4.1 with decisions B1, B6, B7, B13. */
class BlaaizCreateCustomerTest extends KyraIntegrationTest {

    private static final String PATH = "/api/external/customer";

    private Tenant tenant;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
    }

    @Test
    void createsAnIndividualAndAnswersWithTheFullCustomer() {
        Response response = api.post(PATH, tenant.token(), Customers.INDIVIDUAL);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.message()).isEqualTo("Customer created successfully.");
        JsonNode data = response.data();
        assertThat(data.get("id").stringValue()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(data.get("business_id").stringValue()).isEqualTo(tenant.platformId());
        assertThat(data.get("type").stringValue()).isEqualTo("individual");
        assertThat(data.get("first_name").stringValue()).isEqualTo("John");
        assertThat(data.get("last_name").stringValue()).isEqualTo("Doe");
        assertThat(data.get("business_name").isNull()).isTrue();
        assertThat(data.get("email").stringValue()).isEqualTo("john.doe@company.com");
        assertThat(data.get("country").stringValue()).isEqualTo("NG");
        assertThat(data.get("id_type").stringValue()).isEqualTo("passport");
        assertThat(data.get("id_number").stringValue()).isEqualTo("6733823632872");
        assertThat(data.get("verification_status").stringValue()).isEqualTo("PENDING");
        assertThat(data.get("kyb_scope").isNull()).isTrue();
        assertThat(data.get("enhanced_due_diligence").booleanValue()).isFalse();
        assertThat(data.get("kyc_data").get("id").stringValue()).isNotBlank();
        assertThat(data.get("kyc_data").get("operating_country").isNull()).isTrue();
        assertThat(data.get("owners")).isEmpty();
        assertThat(data.get("documents")).isEmpty();
        assertThat(data.get("created_at").stringValue()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
        assertThat(data.get("updated_at").stringValue()).isEqualTo(data.get("created_at").stringValue());
    }

    @Test
    void theCreatedCustomerReadsBackTheSame() {
        Response created = api.post(PATH, tenant.token(), Customers.INDIVIDUAL);
        Response read = api.get(PATH + "/" + created.data().get("id").stringValue(), tenant.token());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.message()).isEqualTo("Customer retrieved successfully");
        assertThat(read.data()).isEqualTo(created.data());
    }

    @Test
    void createsTheBusinessOfTheSpecExampleWithEveryFieldInItsPlace() {
        Response response = api.post(PATH, tenant.token(), Customers.BUSINESS);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode data = response.data();
        Map<String, Object> expectedTopLevel = Map.ofEntries(
                Map.entry("type", "business"), Map.entry("kyb_scope", "FULL"), Map.entry("business_name", "Acme Corp"),
                Map.entry("trading_name", "Acme"), Map.entry("business_type", "llc"),
                Map.entry("registration_number", "RC123456"), Map.entry("incorporation_country", "NG"),
                Map.entry("incorporation_date", "2019-03-12"), Map.entry("industry_type", "Software & SaaS"),
                Map.entry("website", "https://acme.example.com"), Map.entry("source_of_funds", "business_revenue"),
                Map.entry("estimated_annual_revenue", "1000000_4999999"),
                Map.entry("account_purpose", "send_receive_funds_related_parties"),
                Map.entry("email", "contact@acme.example.com"), Map.entry("phone", "+2348012345678"),
                Map.entry("country", "NG"), Map.entry("tin", "12345678-0001"));
        expectedTopLevel.forEach((name, value) -> assertThat(data.get(name).stringValue()).as(name).isEqualTo(value));
        assertThat(data.get("expected_monthly_payments").longValue()).isEqualTo(250);
        assertThat(data.get("first_name").isNull()).isTrue();
        assertThat(data.get("id_type").isNull()).isTrue();
        assertThat(data.get("id_number").isNull()).isTrue();
        JsonNode kyc = data.get("kyc_data");
        Map.of("street", "456 Business Ave", "city", "Lagos", "state", "Lagos", "zip_code", "100001",
                        "operating_street", "789 Operations Blvd", "operating_city", "Lagos", "operating_state", "Lagos",
                        "operating_zip_code", "100002", "operating_country", "NG")
                .forEach((name, value) -> assertThat(kyc.get(name).stringValue()).as(name).isEqualTo(value));
        assertThat(kyc.get("dob").isNull()).isTrue();
        JsonNode owner = data.get("owners").get(0);
        assertThat(owner.get("id").stringValue()).isNotBlank();
        assertThat(owner.get("first_name").stringValue()).isEqualTo("Jane");
        assertThat(owner.get("ownership_percentage").stringValue()).isEqualTo("60.00");
        assertThat(owner.get("is_beneficial_owner").booleanValue()).isTrue();
        assertThat(owner.get("id_document_type").stringValue()).isEqualTo("passport");
        assertThat(owner.get("status").stringValue()).isEqualTo("PENDING");
        assertThat(owner.get("admin_comments").isNull()).isTrue();
    }

    @Test
    void aBusinessWithoutCountryTakesItsIncorporationCountry() {
        Response response = api.post(PATH, tenant.token(), Json.without(Customers.BUSINESS, "country"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.data().get("country").stringValue()).isEqualTo("NG");
    }

    @Test
    void ownerStatusAndCommentsSentByAClientAreIgnored() {
        String body = Json.with(Customers.BUSINESS, "owners", List.of(Map.of("first_name", "Jane", "last_name", "Doe",
                "status", "APPROVED", "admin_comments", List.of("looks fine"))));

        JsonNode owner = api.post(PATH, tenant.token(), body).data().get("owners").get(0);

        assertThat(owner.get("status").stringValue()).isEqualTo("PENDING");
        assertThat(owner.get("admin_comments").isNull()).isTrue();
    }

    @Test
    void unknownFieldsAreIgnored() {
        Response response = api.post(PATH, tenant.token(), Json.with(Customers.INDIVIDUAL, "favourite_colour", "blue"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.data().has("favourite_colour")).isFalse();
    }

    @Test
    void emptyStringsAreTreatedAsAbsentAndStringsAreTrimmed() {
        Response response = api.post(PATH, tenant.token(), Json.with(Customers.INDIVIDUAL, "tin", "", "first_name", "  John  "));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.data().get("tin").isNull()).isTrue();
        assertThat(response.data().get("first_name").stringValue()).isEqualTo("John");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "country", "first_name", "last_name", "id_type", "id_number"})
    void anIndividualNeeds(String field) {
        assertRefused(Json.without(Customers.INDIVIDUAL, field), field, field + " is required.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "business_name", "registration_number", "incorporation_country"})
    void aBusinessNeeds(String field) {
        assertRefused(Json.without(Customers.BUSINESS, field), field, field + " is required.");
    }

    @Test
    void theTypeIsRequiredAndMustBeKnown() {
        assertRefused(Json.without(Customers.INDIVIDUAL, "type"), "type", "type is required.");
        assertRefused(Json.with(Customers.INDIVIDUAL, "type", "person"), "type", "type must be one of: business, individual.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"registration_number", "incorporation_country", "trading_name", "operating_country",
            "business_description", "kyb_scope"})
    void businessOnlyFieldsRefuseTheWholeIndividual(String field) {
        String value = field.endsWith("country") ? "NG" : field.equals("kyb_scope") ? "FULL" : "X-1";
        assertRefused(Json.with(Customers.INDIVIDUAL, field, value), field,
                field + " is not allowed for individual customers.");
    }

    @Test
    void ownersRefuseTheWholeIndividual() {
        assertRefused(Json.with(Customers.INDIVIDUAL, "owners", List.of(Map.of("first_name", "A", "last_name", "B"))),
                "owners", "owners is not allowed for individual customers.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id_type", "id_number"})
    void personalIdentityFieldsAreProhibitedOnBusinesses(String field) {
        String value = field.equals("id_type") ? "passport" : "A123";
        assertRefused(Json.with(Customers.BUSINESS, field, value), field, field + " is not allowed for business customers.");
    }

    @Test
    void nationalIdCardsAreNotAcceptedAsTheCustomerIdentity() {
        assertRefused(Json.with(Customers.INDIVIDUAL, "id_type", "id_card"), "id_type",
                "id_type must be one of: drivers_license, passport, resident_permit (national ID cards are not accepted).");
    }

    @Test
    void aBusinessCountryMustEqualItsIncorporationCountry() {
        assertRefused(Json.with(Customers.BUSINESS, "country", "GH", "zip_code", null), "country",
                "country must equal incorporation_country.");
    }

    @Test
    void operatingAddressFieldsNeedAnOperatingCountry() {
        assertRefused(Json.without(Customers.BUSINESS, "operating_country"), "operating_country",
                "operating_country is required when an operating address is given.");
    }

    @Test
    void postalCodesAreCheckedAgainstTheirCountry() {
        assertRefused(Json.with(Customers.INDIVIDUAL, "zip_code", "SW1A 1AA"), "zip_code",
                "zip_code is not a valid postal code for NG.");
        assertRefused(Json.with(Customers.BUSINESS, "operating_country", "GB", "operating_zip_code", "100002"),
                "operating_zip_code", "operating_zip_code is not a valid postal code for GB.");
        Response british = api.post(PATH, tenant.token(), Json.with(Customers.INDIVIDUAL, "country", "GB", "zip_code", "SW1A 1AA"));
        assertThat(british.status()).isEqualTo(201);
    }

    @Test
    void aCountryWithoutAPostalPatternAcceptsAnyShortCode() {
        Response response = api.post(PATH, tenant.token(), Json.with(Customers.INDIVIDUAL, "country", "AE", "zip_code", "ANY-1"));

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void fieldValuesAreValidated() {
        assertRefused(Json.with(Customers.INDIVIDUAL, "email", "not-an-email"), "email", "email must be a valid email address.");
        assertRefused(Json.with(Customers.INDIVIDUAL, "country", "XX"), "country",
                "country must be a valid ISO 3166-1 alpha-2 country code.");
        assertRefused(Json.with(Customers.INDIVIDUAL, "phone", "08012345678"), "phone",
                "phone must be a phone number in E.164 format, such as +2348012345678.");
        assertRefused(Json.with(Customers.INDIVIDUAL, "dob", "2999-01-01"), "dob", "dob must be a date before today.");
        assertRefused(Json.with(Customers.BUSINESS, "incorporation_date", "2999-01-01"), "incorporation_date",
                "incorporation_date must be a date before today.");
        assertRefused(Json.with(Customers.BUSINESS, "website", "acme dot com"), "website", "website must be a valid URL.");
        assertRefused(Json.with(Customers.BUSINESS, "business_type", "empire"), "business_type",
                "business_type must be one of: corporation, government_entity, llc, non_profit, other, partnership, sole_proprietorship.");
        assertRefused(Json.with(Customers.BUSINESS, "expected_monthly_payments", 1_000_000_001), "expected_monthly_payments",
                "expected_monthly_payments must be between 0 and 1000000000.");
        assertRefused(Json.with(Customers.BUSINESS, "business_description", "x".repeat(2001)), "business_description",
                "business_description must not be longer than 2000 characters.");
        assertRefused(Json.with(Customers.INDIVIDUAL, "first_name", "x".repeat(256)), "first_name",
                "first_name must not be longer than 255 characters.");
    }

    @Test
    void wrongJsonTypesAre422() {
        assertRefused(Json.with(Customers.INDIVIDUAL, "email", 42), "email", "email must be a string.");
        assertRefused(Json.with(Customers.INDIVIDUAL, "dob", "12/05/1990"), "dob",
                "dob must be a valid date in YYYY-MM-DD format.");
        assertRefused(Json.with(Customers.BUSINESS, "expected_monthly_payments", "many"), "expected_monthly_payments",
                "expected_monthly_payments must be an integer.");
        assertRefused(Json.with(Customers.BUSINESS, "owners", "Jane"), "owners", "owners must be an array.");
        assertRefused(Json.with(Customers.BUSINESS, "owners", List.of("Jane")), "owners.0", "owners.0 must be an object.");
    }

    @Test
    void numericStringsAreAcceptedWhereLaravelAcceptsThem() {
        Response response = api.post(PATH, tenant.token(), Json.with(Customers.BUSINESS, "expected_monthly_payments", "250"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.data().get("expected_monthly_payments").longValue()).isEqualTo(250);
    }

    @Test
    void allProblemsAreListedUnderErrorsWithTheFirstAsTheMessage() {
        Response response = api.post(PATH, tenant.token(), Json.with(Json.without(Customers.INDIVIDUAL, "email"),
                "country", "XX", "phone", "123"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("status").booleanValue()).isFalse();
        assertThat(response.message()).isEqualTo("email is required.");
        assertThat(response.json().get("errors").propertyNames()).containsExactly("email", "country", "phone");
        assertThat(customerCount(tenant)).isZero();
    }

    @Test
    void ownersAreCappedAtFive() {
        List<Map<String, String>> six = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> Map.of("first_name", "Owner", "last_name", "No" + i)).toList();
        Response response = api.post(PATH, tenant.token(), Json.with(Customers.BUSINESS, "owners", six));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").has("owners")).isTrue();
        assertThat(customerCount(tenant)).isZero();
    }

    @Test
    void eachOwnerIsValidated() {
        assertOwnerRefused(Map.of("last_name", "Doe"), "owners.0.first_name", "owners.0.first_name is required.");
        assertOwnerRefused(Map.of("first_name", "Jane", "last_name", "Doe", "date_of_birth", java.time.LocalDate.now().minusYears(17).toString()),
                "owners.0.date_of_birth", "owners.0.date_of_birth must be at least 18 years ago.");
        assertOwnerRefused(Map.of("first_name", "Jane", "last_name", "Doe", "id_expiry_date", "2020-01-01"),
                "owners.0.id_expiry_date", "owners.0.id_expiry_date must be a future date.");
        assertOwnerRefused(Map.of("first_name", "Jane", "last_name", "Doe", "street", "1 Rd"),
                "owners.0.street", "owners.0.street must be at least 9 characters.");
        assertOwnerRefused(Map.of("first_name", "Jane", "last_name", "Doe", "tin", "123"),
                "owners.0.tin", "owners.0.tin must be at least 5 characters.");
        assertOwnerRefused(Map.of("first_name", "Jane", "last_name", "Doe", "nationality", "Nigerian"),
                "owners.0.nationality", "owners.0.nationality must not be longer than 2 characters.");
        assertOwnerRefused(Map.of("first_name", "Jane", "last_name", "Doe", "ownership_percentage", 101),
                "owners.0.ownership_percentage", "owners.0.ownership_percentage must be a number between 0 and 100 with at most two decimals.");
        assertOwnerRefused(Map.of("first_name", "Jane", "last_name", "Doe", "id_document_type", "birth_certificate"),
                "owners.0.id_document_type", "owners.0.id_document_type must be one of: drivers_license, id_card, passport, resident_permit.");
    }

    @Test
    void minimalKybIsRefusedUnlessThePlatformAllowsIt() {
        assertRefused(Json.with(Customers.BUSINESS, "kyb_scope", "MINIMAL"), "kyb_scope",
                "This platform is not configured for minimal KYB: kyb_scope must be FULL.");

        tenants.changeSettings(tenant, Json.object("minimal_kyb_allowed", true));
        Response defaulted = api.post(PATH, tenant.token(), Customers.business("RC-MIN-1"));
        Response full = api.post(PATH, tenant.token(), Json.with(Customers.business("RC-MIN-2"), "kyb_scope", "FULL"));

        assertThat(defaulted.data().get("kyb_scope").stringValue()).isEqualTo("MINIMAL");
        assertThat(full.data().get("kyb_scope").stringValue()).isEqualTo("FULL");
    }

    @Test
    void aRegistrationIsUniquePerPlatformAndIncorporationCountry() {
        assertThat(api.post(PATH, tenant.token(), Customers.BUSINESS).status()).isEqualTo(201);

        assertRefusedAfter(1, Customers.BUSINESS, "registration_number",
                "Another business customer in this platform already has this registration_number + incorporation_country combination.");

        String ghana = Json.with(Customers.BUSINESS, "country", "GH", "incorporation_country", "GH", "zip_code", null,
                "operating_country", "GH", "operating_zip_code", null);
        assertThat(api.post(PATH, tenant.token(), ghana).status()).isEqualTo(201);
        Tenant other = tenants.create();
        assertThat(api.post(PATH, other.token(), Customers.BUSINESS).status()).isEqualTo(201);
    }

    private void assertOwnerRefused(Map<String, Object> owner, String path, String message) {
        assertRefused(Json.with(Customers.BUSINESS, "owners", List.of(owner)), path, message);
    }

    private void assertRefused(String body, String errorPath, String message) {
        assertRefusedAfter(customerCount(tenant), body, errorPath, message);
    }

    private void assertRefusedAfter(long customersBefore, String body, String errorPath, String message) {
        Response response = api.post(PATH, tenant.token(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("status").booleanValue()).isFalse();
        assertThat(response.message()).isEqualTo(message);
        assertThat(response.json().get("errors").get(errorPath)).as(response.toString()).isNotNull();
        assertThat(response.json().get("errors").get(errorPath).get(0).stringValue()).isEqualTo(message);
        assertThat(customerCount(tenant)).as("customers written").isEqualTo(customersBefore);
    }
}
