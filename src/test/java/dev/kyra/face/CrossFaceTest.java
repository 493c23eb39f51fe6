package dev.kyra.face;

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

/**
 * One registry, two faces (decision D1): a customer created on either face is the same customer on
 * the other, field by field, and a field one face cannot express survives the other face's updates.
 */
class CrossFaceTest extends KyraIntegrationTest {

    private Tenant tenant;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
    }

    @Test
    void anAllaweeIndividualReadsOnTheBlaaizFace() {
        api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL);

        JsonNode blaaiz = blaaizByEmail("ciroma@gmail.com");

        assertThat(blaaiz.get("type").stringValue()).isEqualTo("individual");
        assertThat(blaaiz.get("first_name").stringValue()).isEqualTo("Ciroma");
        assertThat(blaaiz.get("last_name").stringValue()).isEqualTo("Adekunle");
        assertThat(blaaiz.get("email").stringValue()).isEqualTo("ciroma@gmail.com");
        assertThat(blaaiz.get("phone").stringValue()).isEqualTo("+2349154109234");
        assertThat(blaaiz.get("country").stringValue()).isEqualTo("NG");
        assertThat(blaaiz.get("id_type").stringValue()).isEqualTo("bvn");
        assertThat(blaaiz.get("id_number").stringValue()).isEqualTo("22489035167");
        JsonNode kyc = blaaiz.get("kyc_data");
        assertThat(kyc.get("dob").stringValue()).isEqualTo("1997-02-13");
        assertThat(kyc.get("street").stringValue()).isEqualTo("100 herbert macaulay road");
        assertThat(kyc.get("city").stringValue()).isEqualTo("Yaba");
        assertThat(kyc.get("state").stringValue()).isEqualTo("NG-LA");
        assertThat(kyc.get("zip_code").stringValue()).isEqualTo("101245");
        assertThat(blaaiz.get("verification_status").stringValue()).isEqualTo("PENDING");
    }

    @Test
    void aBlaaizIndividualReadsOnTheAllaweeFace() {
        api.post("/api/external/customer", tenant.token(), Json.with(Customers.INDIVIDUAL, "dob", "1990-05-17",
                "street", "12 Admiralty Way", "city", "Lekki", "state", "Lagos", "zip_code", "101233", "phone", "+2348012345678"));

        JsonNode allawee = allaweeByEmail("john.doe@company.com");

        assertThat(allawee.get("name").stringValue()).as("derived from first and last names").isEqualTo("John Doe");
        assertThat(allawee.get("reference").isNull()).isTrue();
        assertThat(allawee.get("claims")).isEqualTo(Json.parse("""
                {"individualInformation": {"firstName": "John", "lastName": "Doe", "middleName": null,
                   "email": "john.doe@company.com", "phoneNumber": "+2348012345678", "title": null, "gender": null,
                   "dateOfBirth": "1990-05-17", "nationalityCode": null},
                 "individualAddress": {"city": "Lekki", "state": "NG-LA", "countryCode": "NG",
                   "addressLineOne": "12 Admiralty Way", "addressLineTwo": null, "postalCode": "101233"},
                 "individualIdentity": {"type": "passport", "id": "6733823632872", "url": null, "issuingCountry": null}}"""));
        assertThat(allawee.get("metadata")).isEmpty();
        Response byName = api.get("/customers?filter=name:%3CJohn%20Doe%3E", tenant.apiKey());
        assertThat(byName.data()).as("the derived name filters as it reads").hasSize(1);
    }

    @Test
    void aBlaaizUpdateKeepsWhatOnlyTheAllaweeFaceExpresses() {
        String allaweeId = api.post("/customers", tenant.apiKey(), Json.with(Customers.ALLAWEE_INDIVIDUAL,
                "verifications", List.of("tier-1"), "metadata", Map.of("userId", 2345))).data().get("id").stringValue();
        String blaaizId = blaaizByEmail("ciroma@gmail.com").get("id").stringValue();

        Response update = api.put("/api/external/customer/" + blaaizId, tenant.token(),
                Json.object("phone", "+2348099999999", "city", "Ikeja", "first_name", "Ciro"));
        assertThat(update.status()).isEqualTo(200);

        JsonNode allawee = api.get("/customers/" + allaweeId, tenant.apiKey()).data();
        JsonNode information = allawee.get("claims").get("individualInformation");
        assertThat(information.get("firstName").stringValue()).isEqualTo("Ciro");
        assertThat(information.get("phoneNumber").stringValue()).isEqualTo("+2348099999999");
        assertThat(allawee.get("claims").get("individualAddress").get("city").stringValue()).isEqualTo("Ikeja");
        assertThat(information.get("middleName").stringValue()).isEqualTo("Chukwuma");
        assertThat(information.get("title").stringValue()).isEqualTo("Mr");
        assertThat(information.get("gender").stringValue()).isEqualTo("M");
        assertThat(information.get("nationalityCode").stringValue()).isEqualTo("NG");
        assertThat(allawee.get("name").stringValue()).as("the given name is the Allawee face's own").isEqualTo("Ciroma C Adekunle");
        assertThat(allawee.get("reference").stringValue()).isEqualTo("ref-ciroma");
        assertThat(allawee.get("metadata")).isEqualTo(Json.parse("{\"userId\": 2345}"));
        assertThat(allawee.get("verifications").get(0).get("type").stringValue()).isEqualTo("tier-1");
        assertThat(allawee.get("claims").get("individualIdentity").get("issuingCountry").stringValue()).isEqualTo("NG");
    }

    @Test
    void anAllaweeUpdateKeepsWhatOnlyTheBlaaizFaceExpresses() {
        String blaaizId = api.post("/api/external/customer", tenant.token(), Customers.BUSINESS).data().get("id").stringValue();
        JsonNode allawee = allaweeByEmail("contact@acme.example.com");
        assertThat(allawee.get("name").stringValue()).isEqualTo("Acme Corp");
        assertThat(allawee.get("claims").get("businessIdentity").get("id").stringValue()).isEqualTo("RC123456");
        assertThat(allawee.get("claims").get("businessIdentity").get("issuingCountry").stringValue()).isEqualTo("NG");
        assertThat(allawee.get("claims").get("businessAddress").get("addressLineOne").stringValue()).isEqualTo("456 Business Ave");

        Response update = api.put("/customers/" + allawee.get("id").stringValue(), tenant.apiKey(), """
                {"reference": "acme-1", "metadata": {"tier": "gold"},
                 "claims": {"businessInformation": {"registrationName": "Acme Corporation", "email": "hello@acme.example.com",
                   "phoneNumber": "+2348012345678"},
                  "businessDirectors": ["Jane Doe"]}}""");
        assertThat(update.status()).as(update.toString()).isEqualTo(200);

        JsonNode blaaiz = api.get("/api/external/customer/" + blaaizId, tenant.token()).data();
        assertThat(blaaiz.get("business_name").stringValue()).isEqualTo("Acme Corporation");
        assertThat(blaaiz.get("email").stringValue()).isEqualTo("hello@acme.example.com");
        assertThat(blaaiz.get("trading_name").stringValue()).isEqualTo("Acme");
        assertThat(blaaiz.get("website").stringValue()).isEqualTo("https://acme.example.com");
        assertThat(blaaiz.get("expected_monthly_payments").longValue()).isEqualTo(250);
        assertThat(blaaiz.get("kyb_scope").stringValue()).isEqualTo("FULL");
        assertThat(blaaiz.get("kyc_data").get("operating_city").stringValue()).isEqualTo("Lagos");
        assertThat(blaaiz.get("owners")).hasSize(1);
        assertThat(blaaiz.get("owners").get(0).get("first_name").stringValue()).isEqualTo("Jane");
        assertThat(blaaiz.get("owners").get(0).get("ownership_percentage").stringValue()).isEqualTo("60.00");
    }

    @Test
    void theRulesAreTheCoresWhicheverFaceAsks() {
        api.post("/api/external/customer", tenant.token(), Customers.BUSINESS);
        String business = Json.with(Customers.ALLAWEE_BUSINESS, "claims", Map.of("businessIdentity",
                Map.of("type", "cac", "id", "RC123456", "issuingCountry", "NG")));

        Response duplicate = api.post("/customers", tenant.apiKey(), business);

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("code").stringValue()).isEqualTo("duplicate-registration");
        assertThat(duplicate.message()).isEqualTo("Another business customer in this platform already has this "
                + "claims.businessIdentity.id + claims.businessIdentity.issuingCountry combination.");
    }

    @Test
    void aVerifiedCustomersLockHoldsOnBothFaces() {
        String allaweeId = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();
        new Journeys(api, tenant).verifyIndividual(blaaizByEmail("ciroma@gmail.com").get("id").stringValue());

        Response response = api.put("/customers/" + allaweeId, tenant.apiKey(), Json.object("claims", Map.of(
                "individualIdentity", Map.of("type", "nin", "id", "12345678901"))));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").stringValue()).isEqualTo("conflict");
        assertThat(response.message()).isEqualTo("Verified customers can only update fields that are currently null: "
                + "claims.individualIdentity.type, claims.individualIdentity.id, claims.individualIdentity.issuingCountry");
    }

    private JsonNode blaaizByEmail(String email) {
        JsonNode list = api.get("/api/external/customer?email=" + email, tenant.token()).data();
        assertThat(list).hasSize(1);
        return api.get("/api/external/customer/" + list.get(0).get("id").stringValue(), tenant.token()).data();
    }

    private JsonNode allaweeByEmail(String email) {
        String filter = email.contains("acme") ? "claims.businessInformation.email:" : "claims.individualInformation.email:";
        JsonNode list = api.get("/customers?filter=" + filter + email, tenant.apiKey()).data();
        assertThat(list).hasSize(1);
        return list.get(0);
    }
}
