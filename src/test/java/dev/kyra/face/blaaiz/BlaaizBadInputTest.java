package dev.kyra.face.blaaiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad bodies get a 4xx in the Blaaiz error shape, never a 5xx, and nothing is written (decision D5). */
class BlaaizBadInputTest extends KyraIntegrationTest {

    private static final String PATH = "/api/external/customer";

    private Tenant tenant;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\": \"individual\",",
            "{type: individual}",
            "not json at all",
            "{\"type\": \"individual\"} trailing",
            "{\"email\": \"a@b.co\", \"email\": \"c@d.co\"}"})
    void malformedJsonIs400(String body) {
        Response response = api.post(PATH, tenant.token(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("status").booleanValue()).isFalse();
        assertThat(response.message()).startsWith("The request body is not valid JSON");
        assertThat(customerCount(tenant)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"type\": \"individual\"}]", "\"individual\"", "42", "null"})
    void aBodyThatIsNotAnObjectIs400(String body) {
        Response response = api.post(PATH, tenant.token(), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("The request body must be a JSON object.");
        assertThat(customerCount(tenant)).isZero();
    }

    @Test
    void anEmptyBodyIsAnEmptyObjectAndFailsValidation() {
        Response response = api.post(PATH, tenant.token(), "");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.message()).isEqualTo("type is required.");
    }

    @Test
    void malformedJsonOnUpdateChangesNothing() {
        String id = api.post(PATH, tenant.token(), Customers.INDIVIDUAL).data().get("id").stringValue();
        String before = api.get(PATH + "/" + id, tenant.token()).body();

        assertThat(api.put(PATH + "/" + id, tenant.token(), "{\"city\": \"Lagos\"").status()).isEqualTo(400);
        assertThat(api.put(PATH + "/" + id, tenant.token(), "{\"city\": 7}").status()).isEqualTo(422);

        assertThat(api.get(PATH + "/" + id, tenant.token()).body()).isEqualTo(before);
    }

    @Test
    void theVerificationEndpointsRefuseBadBodiesAndWriteNothing() {
        String individual = api.post(PATH, tenant.token(), Customers.INDIVIDUAL).data().get("id").stringValue();
        String business = api.post(PATH, tenant.token(), Customers.COMPLETE_BUSINESS).data().get("id").stringValue();
        String owner = api.get(PATH + "/" + business, tenant.token()).data().get("owners").get(0).get("id").stringValue();
        String individualBefore = api.get(PATH + "/" + individual, tenant.token()).body();
        String businessBefore = api.get(PATH + "/" + business, tenant.token()).body();
        long filesBefore = jdbc.sql("select count(*) from files").query(Long.class).single();
        java.util.List<String> paths = java.util.List.of(PATH + "/" + individual + "/kyc-data", PATH + "/" + individual + "/files",
                "/api/external/file/get-presigned-url", PATH + "/" + business + "/upgrade-kyb-scope",
                PATH + "/" + business + "/owner/" + owner + "/file/presigned-url", PATH + "/" + business + "/owner/" + owner + "/files",
                PATH + "/" + business + "/document");

        for (String path : paths) {
            for (String body : java.util.List.of("{\"city\": ", "[1, 2]")) {
                Response response = api.post(path, tenant.token(), body);
                assertThat(response.status()).as(path + " " + response).isEqualTo(400);
                assertThat(response.json().get("status").booleanValue()).isFalse();
            }
        }
        for (String[] wrongType : java.util.List.of(
                new String[] {PATH + "/" + individual + "/kyc-data", "{\"dob\": 19900501}", "dob"},
                new String[] {PATH + "/" + individual + "/files", "{\"id_file\": [\"x\"]}", "id_file"},
                new String[] {"/api/external/file/get-presigned-url", "{\"customer_id\": 5, \"file_category\": \"identity\"}", "customer_id"},
                new String[] {PATH + "/" + business + "/upgrade-kyb-scope", "{\"owners\": {\"first_name\": \"A\"}}", "owners"},
                new String[] {PATH + "/" + business + "/owner/" + owner + "/files", "{\"id_document_front\": true}", "id_document_front"},
                new String[] {PATH + "/" + business + "/document", "{\"type\": \"LICENSE\", \"name\": [], \"file_id\": \"x\"}", "name"})) {
            Response response = api.post(wrongType[0], tenant.token(), wrongType[1]);
            assertThat(response.status()).as(wrongType[0] + " " + response).isEqualTo(422);
            assertThat(response.json().get("errors").has(wrongType[2])).as(response.toString()).isTrue();
        }

        assertThat(api.get(PATH + "/" + individual, tenant.token()).body()).isEqualTo(individualBefore);
        assertThat(api.get(PATH + "/" + business, tenant.token()).body()).isEqualTo(businessBefore);
        assertThat(jdbc.sql("select count(*) from files").query(Long.class).single()).isEqualTo(filesBefore);
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        String huge = Json.with(Customers.INDIVIDUAL, "business_description", "x".repeat(1024 * 1024));

        Response response = api.post(PATH, tenant.token(), huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("status").booleanValue()).isFalse();
        assertThat(response.message()).isEqualTo("The request body is larger than the 1024 KiB limit.");
        assertThat(customerCount(tenant)).isZero();
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIs413() {
        byte[] huge = Json.with(Customers.INDIVIDUAL, "business_description", "x".repeat(1024 * 1024 + 10))
                .getBytes(StandardCharsets.UTF_8);

        Response response = api.postStream(PATH, tenant.token(), () -> new ByteArrayInputStream(huge));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("status").booleanValue()).isFalse();
        assertThat(customerCount(tenant)).isZero();
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        // a large but valid description is refused by validation (2000 characters), not by size
        String large = Json.with(Customers.INDIVIDUAL, "unknown_padding", "x".repeat(1000 * 1000));

        assertThat(api.post(PATH, tenant.token(), large).status()).isEqualTo(201);
    }

    @Test
    void unknownRoutesAndMethodsAnswerInTheBlaaizShape() {
        Response unknown = api.get("/api/external/customer/" + "01a1fc98-c780-7086-a3be-c27012f8b5ae" + "/nothing-here", tenant.token());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("status").booleanValue()).isFalse();

        Response wrongMethod = api.delete(PATH, tenant.token());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("status").booleanValue()).isFalse();
    }
}
