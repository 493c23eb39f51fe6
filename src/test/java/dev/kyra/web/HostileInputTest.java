package dev.kyra.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import dev.kyra.support.TenantState;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The hostile inputs that once answered 500 (or stored something other than what was sent), each now
 * a 4xx in its face's shape that changes nothing: the tenant's rows hash the same before and after.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTest extends KyraIntegrationTest {

    private static final String CUSTOMERS = "/api/external/customer";

    private Tenant tenant;
    private String blaaizId;
    private String allaweeId;

    @BeforeEach
    void customers() {
        tenant = tenants.create();
        blaaizId = api.post(CUSTOMERS, tenant.token(), Customers.INDIVIDUAL).data().get("id").stringValue();
        allaweeId = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();
    }

    @Test
    void aLoneSurrogateInMetadataIsRefusedAndNothingIsStored() {
        refusedOnAllawee(() -> api.put("/customers/" + allaweeId, tenant.apiKey(), "{\"metadata\":{\"k\":\"x\\ud800\"}}"));
        refusedOnAllawee(() -> api.put("/customers/" + allaweeId, tenant.apiKey(), "{\"metadata\":{\"k\\udc00\":1}}"));
    }

    @Test
    void aLoneSurrogateInANameIsRefusedNotStoredAsAQuestionMark() {
        // written as the JSON escape: a Java string with a lone surrogate cannot even be sent as UTF-8
        refusedOnBlaaiz(400, () -> api.post(CUSTOMERS, tenant.token(), Customers.INDIVIDUAL.replace("\"Doe\"", "\"x\\ud800\"")));
        refusedOnBlaaiz(400, () -> api.put(CUSTOMERS + "/" + blaaizId, tenant.token(), "{\"last_name\":\"Doe\\udfff\"}"));
        // a proper pair is text like any other
        Response pair = api.put(CUSTOMERS + "/" + blaaizId, tenant.token(), "{\"last_name\":\"Doe \\ud83d\\ude00\"}");
        assertThat(pair.status()).as(pair.toString()).isEqualTo(200);
        assertThat(pair.data().get("last_name").stringValue()).isEqualTo("Doe \uD83D\uDE00");
    }

    @Test
    void invalidUtf8IsRefusedNeverDecodedIntoSomethingElse() {
        for (byte[] bad : new byte[][] {{(byte) 0xC0, (byte) 0xBC}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}}) {
            byte[] body = withNameBytes(bad);
            refusedOnBlaaiz(400, () -> postBytes(CUSTOMERS, "Bearer " + tenant.token(), body));
            refusedOnAllawee(() -> postBytes("/customers", "Bearer " + tenant.apiKey(),
                    ("{\"name\":\"" + new String(bad, StandardCharsets.ISO_8859_1) + "\"}").getBytes(StandardCharsets.ISO_8859_1)));
        }
    }

    @Test
    void aNulInAnyStringIsRefusedOnEveryFaceAndTheAdminApi() {
        refusedOnBlaaiz(400, () -> api.post(CUSTOMERS, tenant.token(), Json.with(Customers.INDIVIDUAL, "first_name", "J\u0000")));
        refusedOnBlaaiz(400, () -> api.post(CUSTOMERS, tenant.token(), Json.with(Customers.INDIVIDUAL, "unknown", "\u0000")));
        refusedOnBlaaiz(400, () -> api.post(CUSTOMERS + "/" + blaaizId + "/kyc-data", tenant.token(),
                "{\"city\":\"La\\u0000gos\"}"));
        refusedOnAllawee(() -> api.put("/customers/" + allaweeId, tenant.apiKey(), "{\"name\":\"A\\u0000B\"}"));
        long platforms = platformCount();
        Response admin = api.post("/admin/v1/platforms", ADMIN_TOKEN, "{\"name\":\"Evil\\u0000Corp\"}");
        assertAdminShape(admin, 400);
        assertThat(platformCount()).isEqualTo(platforms);
    }

    @Test
    void hugeNumbersAnywhereAreRefused() {
        for (String number : new String[] {"1e99999999999999999999", "0E-999999999", "0E+999999999", "1e1001"}) {
            refusedOnBlaaiz(400, () -> api.post(CUSTOMERS, tenant.token(), "{\"unknown\":" + number + "}"));
            refusedOnAllawee(() -> api.put("/customers/" + allaweeId, tenant.apiKey(), "{\"metadata\":{\"n\":" + number + "}}"));
            long platforms = platformCount();
            assertAdminShape(api.post("/admin/v1/platforms", ADMIN_TOKEN, "{\"name\":\"x\",\"a\":" + number + "}"), 400);
            assertThat(platformCount()).isEqualTo(platforms);
        }
    }

    @Test
    void ownershipPercentagesAndFlagsOutOfRangeAreRefused() {
        String share = "\"ownership_percentage\": 60";
        refusedOnBlaaiz(400, () -> api.post(CUSTOMERS, tenant.token(),
                Customers.BUSINESS.replace(share, "\"ownership_percentage\": 0E-999999999")));
        refusedOnBlaaiz(422, () -> api.post(CUSTOMERS, tenant.token(),
                Customers.BUSINESS.replace(share, "\"ownership_percentage\": \"0E+999999999\"")));
        refusedOnBlaaiz(422, () -> api.post(CUSTOMERS, tenant.token(),
                Customers.BUSINESS.replace(share, share + ", \"is_pep\": 123456789012345678901234567890")));
    }

    @Test
    void pagesPastWhatAnOffsetCanHoldAreRefusedNotWrappedAround() {
        for (String page : new String[] {"143165578", "286331155", "2147483647"}) {
            Response blaaiz = api.get(CUSTOMERS + "?paginate=true&page=" + page, tenant.token());
            assertThat(blaaiz.status()).as(blaaiz.toString()).isEqualTo(422);
            assertThat(blaaiz.json().get("status").booleanValue()).isFalse();
        }
        Response farButValid = api.get(CUSTOMERS + "?paginate=true&page=143165576", tenant.token());
        assertThat(farButValid.status()).isEqualTo(200);
        assertThat(farButValid.data()).as("a page past the last is empty, not someone's rows").isEmpty();
        for (String page : new String[] {"21474838", "2147483647"}) {
            Response allawee = api.get("/customers?limit=100&page=" + page, tenant.apiKey());
            assertAllaweeShape(allawee, 400);
        }
    }

    @Test
    void datesAndNumbersOutsideWhatPostgresCanCompareAreBadFilters() {
        assertAllaweeShape(api.get("/customers?filter=createdAt%7Clt%7C%2B999999999-12-31T23:59:59Z", tenant.apiKey()), 400);
        assertAllaweeShape(api.get("/customers?filter=createdAt%7Cgt%7C0000-01-01", tenant.apiKey()), 400);
        Response inRange = api.get("/customers?filter=createdAt%7Clt%7C9999-12-31T23:59:59Z", tenant.apiKey());
        assertThat(inRange.status()).as(inRange.toString()).isEqualTo(200);
    }

    @Test
    void invalidUtf8OrANulInAnyQueryParameterIsABadRequestOnEveryEndpoint() {
        String[] bad = {"expand=%ED%A0%80", "email=a%00b", "x=%C0%BC", "email=john.doe@company.com%ED%A0%80"};
        for (String query : bad) {
            assertBlaaizShape(api.get(CUSTOMERS + "?" + query, tenant.token()), 400);
            assertBlaaizShape(api.get(CUSTOMERS + "/" + blaaizId + "?" + query, tenant.token()), 400);
            assertBlaaizShape(api.get("/api/external/virtual-bank-account/identification-type?customer_id=" + blaaizId
                    + "&" + query, tenant.token()), 400);
            assertAllaweeShape(api.get("/customers?" + query, tenant.apiKey()), 400);
            assertAdminShape(api.get("/admin/v1/review-queue?" + query, ADMIN_TOKEN), 400);
            String state = TenantState.of(jdbc, tenant.platformId());
            assertBlaaizShape(api.put(CUSTOMERS + "/" + blaaizId + "?" + query, tenant.token(), "{\"city\":\"Lagos\"}"), 400);
            assertThat(TenantState.of(jdbc, tenant.platformId())).isEqualTo(state);
        }
    }

    @Test
    void aTokenRequestWithBrokenParametersIsAnOAuthError() {
        for (String clientId : new String[] {tenant.clientId() + "%00", tenant.clientId() + "%ED%A0%80"}) {
            Response response = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + clientId
                            + "&client_secret=" + tenant.clientSecret())));
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.json().get("error").stringValue()).isEqualTo("invalid_request");
        }
    }

    @Test
    void pathsTomcatCannotDecodeAreAnsweredInTheFacesShape() {
        assertBlaaizShape(api.get(CUSTOMERS + "/%00", tenant.token()), 400);
        assertBlaaizShape(api.get(CUSTOMERS + "/%ED%A0%80", tenant.token()), 400);
        assertAllaweeShape(api.get("/customers/%00", tenant.apiKey()), 400);
        assertAdminShape(api.get("/admin/v1/customers/%C0%AF", ADMIN_TOKEN), 400);
    }

    @Test
    void namesRefuseControlAndInvisibleFormattingCharacters() {
        for (String name : new String[] {"Jo\u202Ehn", "Jo\u200Bhn", "Jo\u0007hn", "Jo\u0085hn", "Jo\nhn", "\uFEFFJohn",
                "Jo\u2066hn"}) {
            refusedOnBlaaiz(422, () -> api.post(CUSTOMERS, tenant.token(), Json.with(Customers.INDIVIDUAL, "first_name", name)));
        }
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"; // the zero-width non-joiner belongs here
        Response kept = api.post(CUSTOMERS, tenant.token(), Json.with(Customers.INDIVIDUAL, "first_name", persian));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(201);
        assertThat(kept.data().get("first_name").stringValue()).isEqualTo(persian);
        Response paragraph = api.post(CUSTOMERS, tenant.token(), Json.with(Customers.BUSINESS, "registration_number",
                "RC-PARAGRAPH", "business_description", "Payments.\nAnd payouts."));
        assertThat(paragraph.status()).as("a description may run over lines: " + paragraph).isEqualTo(201);
    }

    @Test
    void decodingFailuresPutNoParameterValueInTheLog(CapturedOutput output) {
        api.get(CUSTOMERS + "?email=queried.private@company.com%ED%A0%80", tenant.token());
        api.get("/customers?filter=email%7Ceq%7Calso.private@company.com%00", tenant.apiKey());
        api.postForm("/oauth/token", Map.of("grant_type", "client_credentials", "client_id", "private-client\u0000",
                "client_secret", "private-secret-value"));
        assertThat(output.getAll()).doesNotContain("queried.private@company.com", "also.private@company.com",
                "private-secret-value", "has been ignored");
    }

    private byte[] withNameBytes(byte[] bad) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(Customers.INDIVIDUAL.replace("\"John\"", "\"Jo@@hn\"").split("@@")[0].getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bad);
        body.writeBytes(Customers.INDIVIDUAL.replace("\"John\"", "\"Jo@@hn\"").split("@@")[1].getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private Response postBytes(String path, String authorization, byte[] body) {
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private void refusedOnBlaaiz(int status, java.util.function.Supplier<Response> request) {
        String before = TenantState.of(jdbc, tenant.platformId());
        assertBlaaizShape(request.get(), status);
        assertThat(TenantState.of(jdbc, tenant.platformId())).as("nothing written").isEqualTo(before);
    }

    private void refusedOnAllawee(java.util.function.Supplier<Response> request) {
        String before = TenantState.of(jdbc, tenant.platformId());
        assertAllaweeShape(request.get(), 400);
        assertThat(TenantState.of(jdbc, tenant.platformId())).as("nothing written").isEqualTo(before);
    }

    static void assertBlaaizShape(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("status").booleanValue()).as(response.toString()).isFalse();
        assertThat(response.json().get("message").isString()).isTrue();
    }

    static void assertAllaweeShape(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("statusCode").intValue()).isEqualTo(status);
        assertThat(response.json().get("code").isString()).isTrue();
    }

    static void assertAdminShape(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("code").isString()).as(response.toString()).isTrue();
        assertThat(response.json().get("message").isString()).isTrue();
    }

    private long platformCount() {
        return jdbc.sql("select count(*) from platforms").query(Long.class).single();
    }
}
