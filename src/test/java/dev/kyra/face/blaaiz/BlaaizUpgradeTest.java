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

/** {@code POST /api/external/customer/{id}/upgrade-kyb-scope}: spec §4.9, decision B3. */
class BlaaizUpgradeTest extends KyraIntegrationTest {

    private static final Map<String, Object> JANE = Map.of("first_name", "Jane", "last_name", "Doe",
            "ownership_percentage", 60, "email", "jane@acme.example.com", "id_document_type", "passport");
    private static final Map<String, Object> JOHN = Map.of("first_name", "John", "last_name", "Roe",
            "ownership_percentage", 40, "email", "john@acme.example.com", "id_document_type", "passport");

    private Tenant tenant;
    private Journeys journeys;

    @BeforeEach
    void minimalPlatform() {
        tenant = tenants.create();
        journeys = new Journeys(api, tenant);
        tenants.changeSettings(tenant, "{\"minimal_kyb_allowed\": true}");
    }

    @Test
    void aVerifiedMinimalBusinessBecomesFullAndPendingWithItsNewOwners() {
        String id = minimalBusiness();
        journeys.addFormationDocument(id);
        journeys.submit(id);
        journeys.decide(id, "approve", null);

        Response upgraded = upgrade(id, Json.object("owners", List.of(JANE, JOHN), "website", "https://acme.example.org",
                "operating_city", "Abuja", "operating_country", "NG"));

        assertThat(upgraded.status()).as(upgraded.toString()).isEqualTo(200);
        assertThat(upgraded.message())
                .isEqualTo("Customer KYB scope upgraded to FULL. Upload owner ID files and call /submit to re-verify.");
        JsonNode data = upgraded.data();
        assertThat(data.get("kyb_scope").stringValue()).isEqualTo("FULL");
        assertThat(data.get("verification_status").stringValue()).isEqualTo("PENDING");
        assertThat(data.get("registration_number").stringValue()).isEqualTo("RC123456");
        assertThat(data.get("website").stringValue()).isEqualTo("https://acme.example.org");
        assertThat(data.get("kyc_data").get("operating_city").stringValue()).isEqualTo("Abuja");
        assertThat(data.get("owners")).hasSize(2);
        assertThat(data.get("owners").get(0).get("ownership_percentage").stringValue()).isEqualTo("60.00");
        assertThat(data.get("owners").get(0).get("status").stringValue()).isEqualTo("PENDING");
        assertThat(data.get("recent_comments").get(0).get("comment").stringValue())
                .isEqualTo("KYB scope upgraded from MINIMAL to FULL.");
        assertThat(data.get("recent_comments").get(0).get("type").stringValue()).isEqualTo("info");

        Response readiness = journeys.submit(id);
        assertThat(readiness.status()).as("readiness waits for the next submit").isEqualTo(422);
        assertThat(readiness.message()).isEqualTo("Cannot verify business customer: owner Jane Doe is missing id_document_front.");
        journeys.addOwnerFiles(id);
        assertThat(journeys.submit(id).status()).isEqualTo(200);
        Response again = upgrade(id, Json.object("owners", List.of(JANE)));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.message()).isEqualTo("Customer is already at kyb_scope=FULL.");
    }

    @Test
    void theStoredOwnersAreKeptAndCountTowardsTheRules() {
        String id = minimalBusiness();
        assertThat(api.put("/api/external/customer/" + id, tenant.token(), Json.object("owners", List.of(JANE))).status())
                .isEqualTo(200);

        assertRefused(id, Json.object("owners", List.of(JOHN, Map.of("first_name", "Bola", "last_name", "Ade",
                "ownership_percentage", 10))), 422, "owners.ownership_percentage must sum to 100; got 110.");
        assertRefused(id, Json.object("owners", List.of(Map.of("first_name", "Janet", "last_name", "Doe",
                "ownership_percentage", 40, "email", "JANE@acme.example.com"))), 422,
                "Owner emails must be unique within the customer.");

        Response upgraded = upgrade(id, Json.object("owners", List.of(JOHN)));
        assertThat(upgraded.status()).isEqualTo(200);
        assertThat(upgraded.data().get("owners").valueStream().map(o -> o.get("first_name").stringValue()))
                .containsExactly("Jane", "John");
        assertThat(upgraded.data().get("verification_status").stringValue()).as("was PENDING, stays PENDING")
                .isEqualTo("PENDING");
    }

    @Test
    void everyDocumentedProblemIsRefusedAndNothingIsWritten() {
        String id = minimalBusiness();
        assertRefused(id, "{}", 422, "owners is required and must contain at least one entry.");
        assertRefused(id, Json.object("owners", List.of()), 422, "owners is required and must contain at least one entry.");
        assertRefused(id, Json.object("owners", List.of(Map.of("first_name", "Jane", "last_name", "Doe",
                "ownership_percentage", 90))), 422, "owners.ownership_percentage must sum to 100; got 90.");
        assertRefused(id, Json.object("owners", List.of(Map.of("first_name", "Jane", "last_name", "Doe"))), 422,
                "owners.ownership_percentage must sum to 100; got 0.");
        assertRefused(id, Json.object("owners", List.of(Map.of("first_name", "Jane", "ownership_percentage", 100))), 422,
                "owners.0.last_name is required.");
        assertRefused(id, Json.object("owners", List.of(Map.of("first_name", "Jane", "last_name", "Doe",
                "ownership_percentage", 100, "date_of_birth", "2015-01-01"))), 422,
                "owners.0.date_of_birth must be at least 18 years ago.");
        assertRefused(id, Json.object("owners", List.of(JANE, JOHN), "country", "GH"), 422,
                "country must equal incorporation_country.");
        assertRefused(id, Json.object("owners", List.of(JANE, JOHN), "operating_city", "Abuja"), 422,
                "operating_country is required when an operating address is given.");
        assertRefused(id, Json.object("owners", List.of(JANE, JOHN, JANE, JOHN, JANE, JOHN)), 422,
                "owners.ownership_percentage must sum to 100; got 300.");
        String other = minimalBusiness("RC-OTHER");
        assertRefused(id, Json.object("owners", List.of(JANE, JOHN), "registration_number", "RC-OTHER"), 422,
                "Another business customer in this platform already has this registration_number + incorporation_country combination.");

        JsonNode customer = journeys.customer(id);
        assertThat(customer.get("kyb_scope").stringValue()).isEqualTo("MINIMAL");
        assertThat(customer.get("owners")).isEmpty();
        assertThat(customer.get("registration_number").stringValue()).isEqualTo("RC123456");
        assertThat(journeys.customer(other).get("kyb_scope").stringValue()).isEqualTo("MINIMAL");
    }

    @Test
    void onlyAMinimalBusinessThatIsNotUnderReviewCanBeUpgraded() {
        String individual = api.post("/api/external/customer", tenant.token(), Customers.INDIVIDUAL).data().get("id").stringValue();
        assertRefused(individual, Json.object("owners", List.of(JANE, JOHN)), 422, "Only business customers can be upgraded.");
        String full = api.post("/api/external/customer", tenant.token(),
                Json.with(Customers.BUSINESS, "registration_number", "RC-FULL", "kyb_scope", "FULL")).data().get("id").stringValue();
        assertRefused(full, Json.object("owners", List.of(JANE, JOHN)), 422, "Customer is already at kyb_scope=FULL.");
        String underReview = minimalBusiness();
        journeys.addFormationDocument(underReview);
        journeys.submit(underReview);
        assertRefused(underReview, Json.object("owners", List.of(JANE, JOHN)), 400,
                "Customer is under review and cannot be upgraded right now.");
        assertRefused("01a1fc98-c780-7086-a3be-c27012f8b5ae", Json.object("owners", List.of(JANE, JOHN)), 404,
                "Customer not found");
        assertThat(journeys.customer(underReview).get("kyb_scope").stringValue()).isEqualTo("MINIMAL");
    }

    private void assertRefused(String id, String body, int status, String message) {
        Response response = upgrade(id, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.message()).isEqualTo(message);
    }

    private Response upgrade(String id, String body) {
        return api.post("/api/external/customer/" + id + "/upgrade-kyb-scope", tenant.token(), body);
    }

    private String minimalBusiness() {
        return minimalBusiness("RC123456");
    }

    private String minimalBusiness(String registrationNumber) {
        Response created = api.post("/api/external/customer", tenant.token(),
                Json.with(Json.without(Customers.BUSINESS, "owners", "operating_street", "operating_city", "operating_state",
                        "operating_zip_code", "operating_country"), "registration_number", registrationNumber));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.data().get("kyb_scope").stringValue()).isEqualTo("MINIMAL");
        return created.data().get("id").stringValue();
    }
}
