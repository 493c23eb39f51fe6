package dev.kyra.face.blaaiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Journeys;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code kyc-data} (spec §4.5) and {@code identification-type} (spec §4.14, decision B12). */
class BlaaizKycDataTest extends KyraIntegrationTest {

    private Tenant tenant;
    private Journeys journeys;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
        journeys = new Journeys(api, tenant);
    }

    @Test
    void kycDataSetsTheKycFieldsOnlyAndDoesNotStartVerification() {
        String id = create(Customers.INDIVIDUAL);

        Response response = kycData(id, Json.object("dob", "1990-05-01", "street", "12 Admiralty Way", "city", "Lagos",
                "state", "Lagos", "zip_code", "101233", "id_expiry_date", "2031-01-01", "id_issue_date", "2021-01-01",
                "first_name", "Ignored", "document_type", "passport"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.message()).isEqualTo("Business customer KYC data updated successfully.");
        JsonNode data = response.data();
        assertThat(data.get("kyc_data").get("dob").stringValue()).isEqualTo("1990-05-01");
        assertThat(data.get("kyc_data").get("zip_code").stringValue()).isEqualTo("101233");
        assertThat(data.get("kyc_data").get("id_issue_date").stringValue()).isEqualTo("2021-01-01");
        assertThat(data.get("first_name").stringValue()).as("not a KYC field: ignored").isEqualTo("John");
        assertThat(data.get("verification_status").stringValue()).isEqualTo("PENDING");
    }

    @Test
    void theOperatingAddressIsForBusinessesAndAnchoredOnItsCountry() {
        String individual = create(Customers.INDIVIDUAL);
        assertRefused(individual, Json.object("operating_city", "Abuja"), 422,
                "operating_city is not allowed for individual customers.");
        String business = create(Json.without(Customers.BUSINESS, "operating_street", "operating_city", "operating_state",
                "operating_zip_code", "operating_country"));
        assertRefused(business, Json.object("operating_city", "Abuja"), 422,
                "operating_country is required when an operating address is given.");
        assertRefused(business, Json.object("operating_zip_code", "ABC", "operating_country", "US"), 422,
                "operating_zip_code is not a valid postal code for US.");

        Response ok = kycData(business, Json.object("operating_city", "Abuja", "operating_country", "NG"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.data().get("kyc_data").get("operating_country").stringValue()).isEqualTo("NG");
        assertThat(kycData(business, Json.object("operating_street", "1 Aso Drive")).status())
                .as("the stored operating country anchors later changes").isEqualTo(200);
    }

    @Test
    void kycDataObeysTheVerificationLocks() {
        String id = create(Customers.INDIVIDUAL);
        assertThat(kycData(id, Json.object("city", "Lagos")).status()).isEqualTo(200);
        journeys.sendIndividualToReview(id);
        assertRefused(id, Json.object("city", "Ikeja"), 400, "Customer is under review and cannot be updated right now.");
        journeys.decide(id, "approve", null);
        assertRefused(id, Json.object("city", "Ikeja"), 400, "Verified customers can only update fields that are currently null: city");
        Response fill = kycData(id, Json.object("dob", "1990-05-01", "city", "Lagos"));
        assertThat(fill.status()).isEqualTo(200);
        assertThat(fill.data().get("kyc_data").get("dob").stringValue()).isEqualTo("1990-05-01");
    }

    @Test
    void theIdentificationTypeFollowsCountryAndType() {
        assertIdentification("?country=NG&type=individual", "bvn", "Bank Verification Number");
        assertIdentification("?country=us&type=individual", "ssn", "Social Security Number");
        assertIdentification("?country=US&type=business", "ein", "Employer Identification Number");
        assertIdentification("?country=GB&type=individual", "nino", "National Insurance Number");
        assertIdentification("?country=CA&type=individual", "sin", "Social Insurance Number");
        assertIdentification("?country=NG&type=business", "tin", "Tax Identification Number");
        assertIdentification("?country=FR&type=individual", "tin", "Tax Identification Number");
        String nigerian = create(Customers.INDIVIDUAL);
        assertIdentification("?customer_id=" + nigerian, "bvn", "Bank Verification Number");

        for (String[] refused : List.of(new String[] {"", "country is required when customer_id is not given."},
                new String[] {"?country=NG", "type must be business or individual when customer_id is not given."},
                new String[] {"?country=XX&type=business", "country must be a valid ISO 3166-1 alpha-2 country code."})) {
            Response response = api.get(IDENTIFICATION + refused[0], tenant.token());
            assertThat(response.status()).as(refused[0]).isEqualTo(422);
            assertThat(response.message()).isEqualTo(refused[1]);
        }
        Response unknown = api.get(IDENTIFICATION + "?customer_id=01a1fc98-c780-7086-a3be-c27012f8b5ae", tenant.token());
        assertThat(unknown.status()).isEqualTo(404);
        String other = tenants.token(tenant.clientId(), tenant.clientSecret(), "customer:read");
        assertThat(api.get(IDENTIFICATION + "?country=NG&type=individual", other).status())
                .as("needs virtual-account:read").isEqualTo(403);
    }

    private static final String IDENTIFICATION = "/api/external/virtual-bank-account/identification-type";

    private void assertIdentification(String query, String type, String label) {
        Response response = api.get(IDENTIFICATION + query, tenant.token());
        assertThat(response.status()).as(query + " " + response).isEqualTo(200);
        assertThat(response.message()).isEqualTo("Identification type retrieved successfully.");
        assertThat(response.data().get("type").stringValue()).isEqualTo(type);
        assertThat(response.data().get("label").stringValue()).isEqualTo(label);
    }

    private void assertRefused(String id, String body, int status, String message) {
        String before = storedProfile(id);
        Response response = kycData(id, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.message()).isEqualTo(message);
        assertThat(storedProfile(id)).isEqualTo(before);
    }

    private Response kycData(String id, String body) {
        return api.post("/api/external/customer/" + id + "/kyc-data", tenant.token(), body);
    }

    private String create(String body) {
        Response response = api.post("/api/external/customer", tenant.token(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.data().get("id").stringValue();
    }
}
