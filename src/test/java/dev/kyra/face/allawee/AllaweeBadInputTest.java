package dev.kyra.face.allawee;

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

/** Bad bodies get a 4xx in the Allawee error shape, never a 5xx, and nothing is written (decision D5). */
class AllaweeBadInputTest extends KyraIntegrationTest {

    private Tenant tenant;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"Ada\",", "[]", "{\"name\": \"a\", \"name\": \"b\"}", "nonsense"})
    void malformedBodiesAre400(String body) {
        Response response = api.post("/customers", tenant.apiKey(), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").stringValue()).isEqualTo("malformed-json");
        assertThat(response.json().get("statusCode").intValue()).isEqualTo(400);
        assertThat(customerCount(tenant)).isZero();
    }

    @Test
    void wrongTypesAndUnknownValuesAreValidationErrors() {
        assertInvalid(Json.with(Customers.ALLAWEE_INDIVIDUAL, "name", 42), "name must be a string");
        assertInvalid(Json.with(Customers.ALLAWEE_INDIVIDUAL, "reference", List.of("r")), "reference must be a string");
        assertInvalid(Json.with(Customers.ALLAWEE_INDIVIDUAL, "type", "robot"), "type must be one of: individual, business, corporate");
        assertInvalid(Json.with(Customers.ALLAWEE_INDIVIDUAL, "claims", "none"), "claims must be an object");
        assertInvalid(Json.with(Customers.ALLAWEE_INDIVIDUAL, "claims", Map.of("individualAddress", List.of())),
                "claims.individualAddress must be an object");
        assertInvalid(Json.with(Customers.ALLAWEE_BUSINESS, "claims", Map.of("businessDirectors", List.of(1, 2))),
                "claims.businessDirectors must be an array of strings");
        assertInvalid(Json.with(Customers.ALLAWEE_INDIVIDUAL, "verifications", "tier-1"), "verifications must be an array of tiers");
        assertInvalid(Json.with(Customers.ALLAWEE_INDIVIDUAL, "name", "x".repeat(256)), "name must not be longer than 255 characters");
    }

    @Test
    void anOversizedBodyIs413() {
        Response response = api.post("/customers", tenant.apiKey(),
                Json.with(Customers.ALLAWEE_INDIVIDUAL, "metadata", Map.of("blob", "x".repeat(1_100_000))));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").stringValue()).isEqualTo("payload-too-large");
        assertThat(response.json().get("statusCode").intValue()).isEqualTo(413);
        assertThat(customerCount(tenant)).isZero();
    }

    @Test
    void aBadUpdateChangesNothing() {
        String id = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();
        String before = api.get("/customers/" + id, tenant.apiKey()).body();

        assertThat(api.put("/customers/" + id, tenant.apiKey(), "{\"name\":").status()).isEqualTo(400);
        assertThat(api.put("/customers/" + id, tenant.apiKey(), Json.object("claims", Map.of("individualInformation",
                Map.of("firstName", "Ada", "email", "bad")))).status()).isEqualTo(400);
        assertThat(api.put("/customers/" + id, tenant.apiKey(), Json.object("verifications", List.of("tier-3"))).status())
                .isEqualTo(400);

        assertThat(api.get("/customers/" + id, tenant.apiKey()).body()).isEqualTo(before);
    }

    @Test
    void unknownRoutesAnswerInTheAllaweeShape() {
        Response response = api.get("/customers/cus.2tXNjMhytgx7hCxu9/cards", tenant.apiKey());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("statusCode").intValue()).isEqualTo(404);
    }

    private void assertInvalid(String body, String message) {
        Response response = api.post("/customers", tenant.apiKey(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("code").stringValue()).isEqualTo("validation-error");
        assertThat(response.message()).isEqualTo(message);
        assertThat(customerCount(tenant)).isZero();
    }
}
