package dev.kyra.face.allawee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import dev.kyra.support.Tenants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** {@code /customers} on the Allawee face: allawee.md §3 with decisions A1-A10, D3. */
class AllaweeCustomerTest extends KyraIntegrationTest {

    private Tenant tenant;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
    }

    @Test
    void createsTheSampleIndividualAndAnswersInTheEnvelope() {
        Response response = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("code").stringValue()).isEqualTo("success");
        JsonNode data = response.data();
        assertThat(data.propertyNames()).containsExactly("name", "reference", "type", "status", "claims", "verifications",
                "metadata", "createdAt", "updatedAt", "id", "object");
        assertThat(data.get("id").stringValue()).matches("cus\\.[1-9A-HJ-NP-Za-km-z]{17}");
        assertThat(data.get("object").stringValue()).isEqualTo("customer");
        assertThat(data.get("name").stringValue()).isEqualTo("Ciroma C Adekunle");
        assertThat(data.get("reference").stringValue()).isEqualTo("ref-ciroma");
        assertThat(data.get("type").stringValue()).isEqualTo("individual");
        assertThat(data.get("status").stringValue()).isEqualTo("active");
        assertThat(data.get("createdAt").stringValue()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(data.get("updatedAt").stringValue()).isEqualTo(data.get("createdAt").stringValue());
        assertThat(data.get("claims")).isEqualTo(Json.parse("""
                {"individualInformation": {"firstName": "Ciroma", "lastName": "Adekunle", "middleName": "Chukwuma",
                   "email": "ciroma@gmail.com", "phoneNumber": "+2349154109234", "title": "Mr", "gender": "M",
                   "dateOfBirth": "1997-02-13", "nationalityCode": "NG"},
                 "individualAddress": {"city": "Yaba", "state": "NG-LA", "countryCode": "NG",
                   "addressLineOne": "100 herbert macaulay road", "addressLineTwo": null, "postalCode": "101245"},
                 "individualIdentity": {"type": "bvn", "id": "22489035167", "url": null, "issuingCountry": "NG"}}"""));
        assertThat(data.get("verifications")).isEqualTo(Json.tree("[{\"type\": \"tier-1\", \"status\": \"pending\"}]"));
        assertThat(data.get("metadata")).isEqualTo(Json.parse("{\"userId\": 2345}"));
    }

    @Test
    void readsBackTheSameCustomer() {
        JsonNode created = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data();

        Response read = api.get("/customers/" + created.get("id").stringValue(), tenant.apiKey());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data()).isEqualTo(created);
    }

    @Test
    void createsABusinessWithEveryClaimsGroup() {
        JsonNode data = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_BUSINESS).data();

        assertThat(data.get("type").stringValue()).isEqualTo("business");
        JsonNode claims = data.get("claims");
        assertThat(claims.propertyNames()).containsExactly("businessInformation", "businessIdentity", "businessDirectors", "businessAddress");
        assertThat(claims.get("businessIdentity").get("id").stringValue()).isEqualTo("RC-998877");
        assertThat(claims.get("businessIdentity").get("url").stringValue()).isEqualTo("https://example.com/document.png");
        assertThat(claims.get("businessDirectors")).isEqualTo(Json.tree("[\"Ada Obi\", \"cus.2tXNjMhytgx7hCxu9\"]"));
        assertThat(claims.get("businessAddress").get("state").stringValue()).as("legacy name normalised").isEqualTo("NG-LA");
    }

    @Test
    void corporateIsABusiness() {
        Response response = api.post("/customers", tenant.apiKey(), Json.with(Customers.ALLAWEE_BUSINESS, "type", "corporate"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.data().get("type").stringValue()).isEqualTo("business");
    }

    @Test
    void onlyNameReferenceAndTypeAreRequired() {
        Response response = api.post("/customers", tenant.apiKey(), Json.object("name", "Ada", "reference", "r-1", "type", "individual"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.data().get("claims")).isEmpty();
        assertThat(response.data().get("verifications")).isEmpty();
        assertThat(response.data().get("metadata")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "reference", "type"})
    void nameReferenceAndTypeAreRequired(String field) {
        assertInvalid(Json.without(Customers.ALLAWEE_INDIVIDUAL, field), field + " is required");
    }

    @Test
    void theOtherTypesClaimsGroupsAreIgnored() {
        String body = Json.with(Customers.ALLAWEE_INDIVIDUAL, "verifications", List.of(), "claims", Map.of(
                "individualInformation", Map.of("firstName", "Ada"),
                "businessInformation", Map.of("registrationName", "Not Mine Ltd")));

        JsonNode claims = api.post("/customers", tenant.apiKey(), body).data().get("claims");

        assertThat(claims.propertyNames()).containsExactly("individualInformation");
    }

    @Test
    void statesAreIsoCodesOfTheAddressCountryOrItsLegacyNames() {
        assertThat(stateAfterCreate("Lagos")).isEqualTo("NG-LA");
        assertThat(stateAfterCreate("lagos state")).isEqualTo("NG-LA");
        assertThat(stateAfterCreate("FCT")).isEqualTo("NG-FC");
        assertThat(stateAfterCreate("NG-KN")).isEqualTo("NG-KN");
        assertInvalid(withAddress(Map.of("state", "NG-XX", "countryCode", "NG")),
                "claims.individualAddress.state must be an ISO 3166-2 code");
        assertInvalid(withAddress(Map.of("state", "Atlantis", "countryCode", "NG")),
                "claims.individualAddress.state must be an ISO 3166-2 code");
        assertInvalid(withAddress(Map.of("state", "GH-AA", "countryCode", "NG")),
                "claims.individualAddress.state must be an ISO 3166-2 code of NG");
    }

    @Test
    void datesOfBirthComeInEitherFormAndGoOutPadded() {
        JsonNode info = api.post("/customers", tenant.apiKey(), withInformation(Map.of("dateOfBirth", "1996-2-4")))
                .data().get("claims").get("individualInformation");

        assertThat(info.get("dateOfBirth").stringValue()).isEqualTo("1996-02-04");
        assertInvalid(withInformation(Map.of("dateOfBirth", "04/02/1996")),
                "claims.individualInformation.dateOfBirth must be a date such as 1997-02-13");
        assertInvalid(withInformation(Map.of("dateOfBirth", "1996-2-30")),
                "claims.individualInformation.dateOfBirth must be a date such as 1997-02-13");
    }

    @Test
    void claimsValuesAreValidatedByTheCore() {
        assertInvalid(withInformation(Map.of("phoneNumber", "0803")),
                "claims.individualInformation.phoneNumber must be a phone number in E.164 format, such as +2348012345678");
        assertInvalid(withInformation(Map.of("email", "nope")), "claims.individualInformation.email must be a valid email address");
        assertInvalid(withInformation(Map.of("gender", "X")), "claims.individualInformation.gender must be one of: F, M");
        assertInvalid(withInformation(Map.of("nationalityCode", "NGA")),
                "claims.individualInformation.nationalityCode must not be longer than 2 characters");
        assertInvalid(Json.with(Customers.ALLAWEE_INDIVIDUAL, "claims", Map.of("individualIdentity", Map.of("type", "resident_permit"))),
                "claims.individualIdentity.type must be one of: bvn, drivers_license, nin, passport, voters_card");
        assertInvalid(Json.with(Customers.ALLAWEE_BUSINESS, "claims", Map.of("businessIdentity", Map.of("type", "rc"))),
                "claims.businessIdentity.type must be one of: cac, tin");
        assertInvalid(Json.with(Customers.ALLAWEE_INDIVIDUAL, "claims", Map.of("individualInformation", Map.of("firstName", 7))),
                "claims.individualInformation.firstName must be a string");
    }

    @Test
    void metadataIsKeptExactlyAsSent() {
        String metadata = "{\"userId\":\"1234\",\"zeta\":1,\"alpha\":{\"rate\":1.50,\"tags\":[\"a\",null,true]}}";
        String body = Json.without(Customers.ALLAWEE_INDIVIDUAL, "metadata").replaceFirst("\\}$", ", \"metadata\": " + metadata + "}");

        Response response = api.post("/customers", tenant.apiKey(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.body()).contains("\"metadata\":" + metadata);
        assertInvalid(Json.with(Customers.ALLAWEE_INDIVIDUAL, "metadata", List.of(1)), "metadata must be an object");
    }

    @Test
    void aTierNeedsItsClaimsWhenItIsAskedFor() {
        String noBirthDate = Json.with(Customers.ALLAWEE_INDIVIDUAL, "claims", Map.of("individualInformation",
                Map.of("firstName", "Ada", "lastName", "Obi", "email", "ada@example.com")));
        assertInvalid(noBirthDate, "tier-1 needs claims.individualInformation.dateOfBirth");
        assertInvalid(Json.with(Customers.ALLAWEE_INDIVIDUAL, "verifications", List.of("tier-3")),
                "tier-3 needs claims.individualIdentity.url");
        assertInvalid(Json.with(Customers.ALLAWEE_INDIVIDUAL, "verifications", List.of("tier-9")),
                "verifications.0 must be one of: tier-1, tier-2, tier-3");

        JsonNode tiers = api.post("/customers", tenant.apiKey(), Json.with(Customers.ALLAWEE_INDIVIDUAL, "verifications",
                List.of("tier-2", "tier-1"))).data().get("verifications");
        assertThat(tiers).isEqualTo(Json.tree("[{\"type\": \"tier-1\", \"status\": \"pending\"}, {\"type\": \"tier-2\", \"status\": \"pending\"}]"));
    }

    @Test
    void aReferenceIsUniquePerPlatformAndMode() {
        api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL);
        long before = customerCount(tenant);

        Response duplicate = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL);

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json()).isEqualTo(Json.parse("""
                {"code": "duplicate-reference", "message": "Another customer already has this reference", "statusCode": 409}"""));
        assertThat(customerCount(tenant)).isEqualTo(before);
        String live = tenants.apiKey(tenant.platformId(), "live", Tenants.ALL_KEY_SCOPES);
        assertThat(api.post("/customers", live, Customers.ALLAWEE_INDIVIDUAL).status()).isEqualTo(201);
        assertThat(api.post("/customers", tenants.create().apiKey(), Customers.ALLAWEE_INDIVIDUAL).status()).isEqualTo(201);
    }

    @Test
    void putReplacesWhatItSendsAndKeepsTheRest() {
        String id = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();

        Response response = api.put("/customers/" + id, tenant.apiKey(), """
                {"claims": {"individualAddress": {"city": "Ikeja", "state": "Lagos", "countryCode": "NG",
                   "addressLineOne": "1 Example St"}},
                 "metadata": {"plan": "gold"}, "verifications": ["tier-2"]}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode data = response.data();
        assertThat(data.get("name").stringValue()).isEqualTo("Ciroma C Adekunle");
        assertThat(data.get("reference").stringValue()).isEqualTo("ref-ciroma");
        assertThat(data.get("claims").get("individualInformation").get("firstName").stringValue()).isEqualTo("Ciroma");
        JsonNode address = data.get("claims").get("individualAddress");
        assertThat(address.get("city").stringValue()).isEqualTo("Ikeja");
        assertThat(address.get("postalCode").isNull()).as("the group was replaced whole").isTrue();
        assertThat(data.get("metadata")).isEqualTo(Json.parse("{\"plan\": \"gold\"}"));
        assertThat(data.get("verifications")).isEqualTo(Json.tree(
                "[{\"type\": \"tier-1\", \"status\": \"pending\"}, {\"type\": \"tier-2\", \"status\": \"pending\"}]"));
        assertThat(data.get("updatedAt").stringValue()).isGreaterThan(data.get("createdAt").stringValue());
        assertThat(api.get("/customers/" + id, tenant.apiKey()).data()).isEqualTo(data);
    }

    @Test
    void theTypeCannotChangeAndTheReferenceCannotBeCleared() {
        String id = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();
        String before = api.get("/customers/" + id, tenant.apiKey()).body();

        assertInvalidUpdate(id, Json.object("type", "business"), "type cannot be changed after a customer is created");
        assertInvalidUpdate(id, "{\"reference\": null}", "reference is required");
        assertInvalidUpdate(id, "{\"name\": null}", "name is required");

        assertThat(api.get("/customers/" + id, tenant.apiKey()).body()).isEqualTo(before);
    }

    @Test
    void changingTheReferenceToATakenOneIsAConflict() {
        api.post("/customers", tenant.apiKey(), Json.with(Customers.ALLAWEE_INDIVIDUAL, "reference", "taken"));
        String id = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();

        Response response = api.put("/customers/" + id, tenant.apiKey(), Json.object("reference", "taken"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").stringValue()).isEqualTo("duplicate-reference");
    }

    @Test
    void unknownOrMalformedIdsAreNotFound() {
        for (String id : List.of("cus.2tXNjMhytgx7hCxu9", "cus.short", "01a1fc98-c780-7086-a3be-c27012f8b5ae")) {
            Response response = api.get("/customers/" + id, tenant.apiKey());
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json()).isEqualTo(Json.parse(
                    "{\"code\": \"not-found\", \"message\": \"Customer not found\", \"statusCode\": 404}"));
        }
    }

    @Test
    void responsesCarryAnAllaweeRequestId() {
        Response response = api.get("/customers", tenant.apiKey());

        assertThat(response.header("x-request-id")).matches("req\\.[1-9A-HJ-NP-Za-km-z]{17}");
    }

    private String stateAfterCreate(String state) {
        Response response = api.post("/customers", tenant.apiKey(), withAddress(Map.of("state", state, "countryCode", "NG")));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.data().get("claims").get("individualAddress").get("state").stringValue();
    }

    private String withAddress(Map<String, Object> address) {
        return Json.with(Customers.ALLAWEE_INDIVIDUAL, "reference", "r-" + java.util.UUID.randomUUID(), "verifications", List.of(),
                "claims", Map.of("individualAddress", address));
    }

    private String withInformation(Map<String, Object> changes) {
        Map<String, Object> information = new java.util.HashMap<>(Map.of("firstName", "Ciroma", "lastName", "Adekunle",
                "email", "ciroma@gmail.com", "dateOfBirth", "1997-02-13"));
        information.putAll(changes);
        return Json.with(Customers.ALLAWEE_INDIVIDUAL, "reference", "r-" + java.util.UUID.randomUUID(),
                "claims", Map.of("individualInformation", information));
    }

    private void assertInvalid(String body, String message) {
        long before = customerCount(tenant);

        Response response = api.post("/customers", tenant.apiKey(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("code").stringValue()).isEqualTo("validation-error");
        assertThat(response.json().get("statusCode").intValue()).isEqualTo(400);
        assertThat(response.message()).isEqualTo(message);
        assertThat(customerCount(tenant)).isEqualTo(before);
    }

    private void assertInvalidUpdate(String id, String body, String message) {
        Response response = api.put("/customers/" + id, tenant.apiKey(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).isEqualTo(message);
    }
}
