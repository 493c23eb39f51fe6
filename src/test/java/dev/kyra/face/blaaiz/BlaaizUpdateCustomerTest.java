package dev.kyra.face.blaaiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Journeys;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code PUT /api/external/customer/{id}}, spec §4.4 with §5.1 and decisions B2, B4. */
class BlaaizUpdateCustomerTest extends KyraIntegrationTest {

    private static final String PATH = "/api/external/customer/";

    private Tenant tenant;
    private Journeys journeys;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
        journeys = new Journeys(api, tenant);
    }

    @Test
    void aPartialUpdateChangesOnlyWhatItSends() {
        String id = create(Customers.INDIVIDUAL);

        Response response = api.put(PATH + id, tenant.token(), Json.object("phone", "+2348098765432", "city", "Ikeja"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.message()).isEqualTo("Customer updated successfully");
        JsonNode data = response.data();
        assertThat(data.get("phone").stringValue()).isEqualTo("+2348098765432");
        assertThat(data.get("kyc_data").get("city").stringValue()).isEqualTo("Ikeja");
        assertThat(data.get("first_name").stringValue()).isEqualTo("John");
        assertThat(data.get("id_number").stringValue()).isEqualTo("6733823632872");
        assertThat(data.get("updated_at").stringValue()).isGreaterThan(data.get("created_at").stringValue());
        assertThat(api.get(PATH + id, tenant.token()).data()).isEqualTo(data);
    }

    @Test
    void theSeedPagesRequestUpdatesAnIndividual() {
        String id = create(Customers.INDIVIDUAL);
        String seed = """
                {"first_name": "Oluwatobi", "last_name": "Ishola", "email": "oluwatobi.ishola+customer@blaaiz.com",
                 "phone": "+2348012345678", "country": "NG", "id_type": "passport", "id_number": "A123456789",
                 "tin": "12345-ABCDE", "dob": "1996-08-21", "street": "12 Admiralty Way", "city": "Lagos",
                 "state": "Lagos", "zip_code": "101233", "id_expiry_date": "2030-12-31", "id_issue_date": "2020-01-15"}""";

        JsonNode data = api.put(PATH + id, tenant.token(), seed).data();

        assertThat(data.get("first_name").stringValue()).isEqualTo("Oluwatobi");
        assertThat(data.get("tin").stringValue()).isEqualTo("12345-ABCDE");
        assertThat(data.get("kyc_data").get("dob").stringValue()).isEqualTo("1996-08-21");
        assertThat(data.get("kyc_data").get("zip_code").stringValue()).isEqualTo("101233");
        assertThat(data.get("kyc_data").get("id_expiry_date").stringValue()).isEqualTo("2030-12-31");
    }

    @Test
    void anExplicitNullClearsAField() {
        String id = create(Json.with(Customers.INDIVIDUAL, "tin", "TIN-12345", "city", "Lagos"));

        JsonNode data = api.put(PATH + id, tenant.token(), "{\"tin\": null, \"city\": null}").data();

        assertThat(data.get("tin").isNull()).isTrue();
        assertThat(data.get("kyc_data").get("city").isNull()).isTrue();
        assertThat(storedProfile(id)).doesNotContain("\"tin\"").doesNotContain("\"city\"");
    }

    @Test
    void fieldsRequiredAtCreationMayBeLeftOutButNotCleared() {
        String individual = create(Customers.INDIVIDUAL);
        String business = create(Customers.BUSINESS);

        assertRefused(individual, "{\"email\": null}", 422, "email is required.");
        assertRefused(individual, "{\"first_name\": \"\"}", 422, "first_name is required.");
        assertRefused(business, "{\"registration_number\": null}", 422, "registration_number is required.");
    }

    @Test
    void kybScopeIsReadOnlyHere() {
        String id = create(Customers.BUSINESS);

        assertRefused(id, Json.object("kyb_scope", "MINIMAL", "trading_name", "New"), 422,
                "kyb_scope is read-only here; upgrade a MINIMAL business with upgrade-kyb-scope.");
    }

    @Test
    void fieldsOfTheOtherTypeRefuseTheWholeRequest() {
        String individual = create(Customers.INDIVIDUAL);
        String business = create(Customers.BUSINESS);

        assertRefused(individual, Json.object("city", "Abuja", "registration_number", "RC1"), 422,
                "registration_number is not allowed for individual customers.");
        assertRefused(individual, Json.object("owners", List.of(Map.of("first_name", "A", "last_name", "B"))), 422,
                "owners is not allowed for individual customers.");
        assertRefused(business, Json.object("city", "Abuja", "id_type", "passport"), 422,
                "id_type is not allowed for business customers.");
        assertRefused(business, Json.object("id_number", "X1"), 422, "id_number is not allowed for business customers.");
    }

    @Test
    void theTypeCannotChange() {
        String id = create(Customers.INDIVIDUAL);

        assertRefused(id, Json.object("type", "business"), 422, "type cannot be changed after a customer is created.");
        assertThat(api.put(PATH + id, tenant.token(), Json.object("type", "individual")).status()).isEqualTo(200);
    }

    @Test
    void changingOneCountryOfABusinessAloneDiverges() {
        String id = create(Json.with(Customers.BUSINESS, "zip_code", null, "operating_zip_code", null));

        assertRefused(id, Json.object("country", "GH"), 422, "country must equal incorporation_country.");
        assertRefused(id, Json.object("incorporation_country", "GH"), 422, "country must equal incorporation_country.");

        Response both = api.put(PATH + id, tenant.token(), Json.object("country", "GH", "incorporation_country", "GH"));
        assertThat(both.status()).isEqualTo(200);
        assertThat(both.data().get("country").stringValue()).isEqualTo("GH");
    }

    @Test
    void aPostcodeSentAloneIsCheckedAgainstTheStoredCountry() {
        String id = create(Customers.INDIVIDUAL);

        assertRefused(id, Json.object("zip_code", "SW1A 1AA"), 422, "zip_code is not a valid postal code for NG.");
        assertThat(api.put(PATH + id, tenant.token(), Json.object("zip_code", "100001")).status()).isEqualTo(200);
        assertRefused(id, Json.object("country", "US"), 422, "zip_code is not a valid postal code for US.");
        assertThat(api.put(PATH + id, tenant.token(), Json.object("country", "US", "zip_code", "95014")).status()).isEqualTo(200);
    }

    @Test
    void operatingFieldsNeedAnOperatingCountryInTheRequestOrStored() {
        String without = create(Json.without(Customers.business("RC-OP-1"), "operating_street", "operating_city",
                "operating_state", "operating_zip_code", "operating_country"));
        String with = create(Customers.business("RC-OP-2"));

        assertRefused(without, Json.object("operating_city", "Abuja"), 422,
                "operating_country is required when an operating address is given.");
        assertThat(api.put(PATH + without, tenant.token(), Json.object("operating_city", "Abuja", "operating_country", "NG"))
                .status()).isEqualTo(200);
        assertRefused(with, Json.object("operating_zip_code", "SW1A 1AA"), 422,
                "operating_zip_code is not a valid postal code for NG.");
        assertRefused(with, Json.object("operating_country", null), 422,
                "operating_country is required when an operating address is given.");
    }

    @Test
    void aRegistrationTakenByAnotherBusinessCannotBeTaken() {
        create(Customers.business("RC-TAKEN"));
        String id = create(Customers.business("RC-FREE"));

        assertRefused(id, Json.object("registration_number", "RC-TAKEN"), 422,
                "Another business customer in this platform already has this registration_number + incorporation_country combination.");
        assertThat(api.put(PATH + id, tenant.token(), Json.object("registration_number", "RC-FREE")).status()).isEqualTo(200);
    }

    @Test
    void valuesAreValidatedAsOnCreate() {
        String id = create(Customers.BUSINESS);

        assertRefused(id, Json.object("email", "nope"), 422, "email must be a valid email address.");
        assertRefused(id, Json.object("website", "ftp://acme"), 422, "website must be a valid URL.");
        assertRefused(id, Json.object("incorporation_date", "2999-01-01"), 422, "incorporation_date must be a date before today.");
        assertRefused(id, Json.object("expected_monthly_payments", -1), 422, "expected_monthly_payments must be between 0 and 1000000000.");
        assertRefused(id, Json.object("business_name", 12), 422, "business_name must be a string.");
    }

    @Test
    void ownersAreAddedAndUpdatedByIdAndTheUnmentionedAreKept() {
        String id = create(Customers.BUSINESS);
        String jane = ownerIds(id).get(0);

        Response response = api.put(PATH + id, tenant.token(), Json.object("owners", List.of(
                Map.of("id", jane, "ownership_percentage", 55.5, "email", "jane@acme.example.com"),
                Map.of("first_name", "Bola", "last_name", "Ade", "ownership_percentage", 44.5))));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode owners = response.data().get("owners");
        assertThat(owners).hasSize(2);
        assertThat(owners.get(0).get("id").stringValue()).isEqualTo(jane);
        assertThat(owners.get(0).get("ownership_percentage").stringValue()).isEqualTo("55.50");
        assertThat(owners.get(0).get("first_name").stringValue()).isEqualTo("Jane");
        assertThat(owners.get(1).get("first_name").stringValue()).isEqualTo("Bola");
        assertThat(owners.get(1).get("status").stringValue()).isEqualTo("PENDING");

        Response untouched = api.put(PATH + id, tenant.token(), Json.object("trading_name", "Acme Two"));
        assertThat(untouched.data().get("owners")).hasSize(2);
    }

    @Test
    void anExplicitNullClearsAnOwnerField() {
        String id = create(Json.with(Customers.BUSINESS, "owners", List.of(Map.of("first_name", "Jane", "last_name", "Doe",
                "title", "CEO"))));
        String jane = ownerIds(id).get(0);

        JsonNode owner = api.put(PATH + id, tenant.token(), "{\"owners\": [{\"id\": \"" + jane + "\", \"title\": null}]}")
                .data().get("owners").get(0);

        assertThat(owner.get("title").isNull()).isTrue();
        assertRefused(id, "{\"owners\": [{\"id\": \"" + jane + "\", \"first_name\": null}]}", 422,
                "owners.0.first_name is required.");
    }

    @Test
    void anOwnerIdThatIsNotThisCustomersIsNotFound() {
        String id = create(Customers.business("RC-A"));
        String otherCustomersOwner = ownerIds(create(Customers.business("RC-B"))).get(0);

        assertRefused(id, Json.object("owners", List.of(Map.of("id", otherCustomersOwner, "title", "CFO"))), 404, "Owner not found");
        assertRefused(id, Json.object("owners", List.of(Map.of("id", "not-a-uuid", "title", "CFO"))), 404, "Owner not found");
    }

    @Test
    void theFiveOwnerCapAppliesToTheMergedSet() {
        String id = create(Json.with(Customers.BUSINESS, "owners", java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> Map.of("first_name", "Owner", "last_name", "No" + i)).toList()));

        assertRefused(id, Json.object("owners", List.of(Map.of("first_name", "Fifth", "last_name", "A"),
                Map.of("first_name", "Sixth", "last_name", "B"))), 422, "A business customer can have at most 5 owners.");
        assertThat(ownerCount(id)).isEqualTo(4);
        assertThat(api.put(PATH + id, tenant.token(), Json.object("owners", List.of(Map.of("first_name", "Fifth", "last_name", "A"))))
                .status()).isEqualTo(200);
    }

    @Test
    void editingARejectedOwnerSendsItBackToPendingAndClearsTheComments() {
        String id = create(Customers.COMPLETE_BUSINESS);
        String jane = ownerIds(id).get(0);
        journeys.submitBusiness(id);
        journeys.decideChild(id, "owners", jane, "reject", "passport is blurred");
        journeys.decide(id, "reject", "Fix Jane Doe's passport");
        assertThat(api.get(PATH + id, tenant.token()).data().get("owners").get(0).get("admin_comments").get(0).stringValue())
                .isEqualTo("passport is blurred");

        JsonNode owner = api.put(PATH + id, tenant.token(), Json.object("owners", List.of(Map.of("id", jane, "title", "CEO"))))
                .data().get("owners").get(0);

        assertThat(owner.get("status").stringValue()).isEqualTo("PENDING");
        assertThat(owner.get("admin_comments").isNull()).isTrue();
    }

    @Test
    void anApprovedOwnerCannotBeChangedButMayBeResentUnchanged() {
        String id = create(Customers.COMPLETE_BUSINESS);
        String jane = ownerIds(id).get(0);
        journeys.submitBusiness(id);
        journeys.decideChild(id, "owners", jane, "approve", null);
        journeys.decide(id, "reject", "John Roe's licence has expired");

        assertRefused(id, Json.object("owners", List.of(Map.of("id", jane, "title", "CFO"))), 400,
                "Cannot modify an owner that has been approved or is currently under review.");
        Response unchanged = api.put(PATH + id, tenant.token(),
                Json.object("owners", List.of(Map.of("id", jane, "first_name", "Jane"))));
        assertThat(unchanged.status()).isEqualTo(200);
    }

    @Test
    void aCustomerUnderReviewCannotBeChanged() {
        String id = create(Customers.COMPLETE_BUSINESS);
        journeys.submitBusiness(id);

        assertRefused(id, Json.object("trading_name", "Other"), 400, "Customer is under review and cannot be updated right now.");
        assertRefused(id, Json.object("owners", List.of(Map.of("first_name", "New", "last_name", "Owner"))), 400,
                "Customer is under review and cannot be updated right now.");
        assertThat(api.put(PATH + id, tenant.token(), Json.object("trading_name", "Acme")).status()).isEqualTo(200);
    }

    @Test
    void aVerifiedCustomerMayOnlyFillFieldsThatAreNull() {
        String id = create(Customers.INDIVIDUAL);
        journeys.verifyIndividual(id);

        assertRefused(id, Json.object("email", "new@example.com", "phone", "+2348012345678", "id_number", "X99"), 400,
                "Verified customers can only update fields that are currently null: email, id_number");
        assertRefused(id, "{\"id_number\": null}", 400,
                "Verified customers can only update fields that are currently null: id_number");

        Response fill = api.put(PATH + id, tenant.token(), Json.object("phone", "+2348012345678", "email", "john.doe@company.com"));
        assertThat(fill.status()).as("null field filled, equal value resent").isEqualTo(200);
        assertThat(fill.data().get("phone").stringValue()).isEqualTo("+2348012345678");
        assertRefused(id, Json.object("phone", "+2348099999999"), 400,
                "Verified customers can only update fields that are currently null: phone");
    }

    @Test
    void aVerifiedBusinessCannotChangeItsOwners() {
        String id = create(Customers.COMPLETE_BUSINESS);
        journeys.submitBusiness(id);
        journeys.decide(id, "approve", null);

        assertRefused(id, Json.object("owners", List.of(Map.of("first_name", "New", "last_name", "Owner"))), 400,
                "Owners cannot be added or changed while the customer is verified.");
    }

    @Test
    void aRejectedCustomerIsFullyEditable() {
        String id = create(Customers.INDIVIDUAL);
        journeys.rejectIndividual(id, "The passport photo is unreadable");

        Response response = api.put(PATH + id, tenant.token(), Json.object("email", "fixed@example.com", "id_number", "NEW-1"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().get("verification_status").stringValue()).isEqualTo("REJECTED");
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        assertRefusedMissing(PATH + "01a1fc98-c780-7086-a3be-c27012f8b5ae");
        assertRefusedMissing(PATH + "customer_123456789");
    }

    private void assertRefusedMissing(String path) {
        Response response = api.put(path, tenant.token(), Json.object("city", "Lagos"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json()).isEqualTo(Json.parse("{\"status\": false, \"message\": \"Customer not found\"}"));
    }

    private void assertRefused(String id, String body, int status, String message) {
        JsonNode before = journeys.customerWithoutLinks(id);

        Response response = api.put(PATH + id, tenant.token(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("status").booleanValue()).isFalse();
        assertThat(response.message()).isEqualTo(message);
        assertThat(journeys.customerWithoutLinks(id)).as("nothing written").isEqualTo(before);
    }

    private String create(String body) {
        Response response = api.post("/api/external/customer", tenant.token(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.data().get("id").stringValue();
    }

    private List<String> ownerIds(String customerId) {
        JsonNode owners = api.get(PATH + customerId, tenant.token()).data().get("owners");
        return owners.valueStream().map(owner -> owner.get("id").stringValue()).toList();
    }
}
