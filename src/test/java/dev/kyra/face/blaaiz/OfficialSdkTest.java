package dev.kyra.face.blaaiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Journeys;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Requests exactly as the official Blaaiz SDKs send them with their default settings (Java 1.6.1,
 * Node 1.5 and 1.1.2, read from their sources): the same paths, headers and bodies. Nothing here is
 * narrowed by hand; if one of these fails, an SDK user's first call fails.
 */
class OfficialSdkTest extends KyraIntegrationTest {

    /** The Java SDK's default headers on every JSON call. */
    private static final Map<String, String> SDK_HEADERS = Map.of("Accept", "application/json",
            "Content-Type", "application/json", "User-Agent", "Blaaiz-Java-SDK/1.6.1");

    private Tenant tenant;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
    }

    @Test
    void theDefaultTokenRequestThenACreateAndTheOneCallUploadWork() {
        // BlaaizClient.getOAuthToken: a form with the 25 default scopes, no Accept header
        Response token = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials",
                        "client_id", tenant.clientId(), "client_secret", tenant.clientSecret(),
                        "scope", BlaaizOAuthTest.SDK_DEFAULT_SCOPES)))));
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        assertThat(token.json().get("expires_in").longValue()).as("the SDK caches the token by this").isEqualTo(900);
        String bearer = "Bearer " + token.json().get("access_token").stringValue();

        Response created = sdk("POST", "/api/external/customer", bearer, Customers.INDIVIDUAL);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String customerId = created.data().get("id").stringValue();

        uploadFileComplete(bearer, customerId);

        assertThat(sdk("GET", "/api/external/customer/" + customerId, bearer, null).data()
                .get("verification_status").stringValue()).as("the identity file sends it to review (B5)").isEqualTo("PROCESSING");
        assertThat(sdk("GET", "/api/external/customer/" + customerId + "/beneficiary", bearer, null).status()).isEqualTo(200);
    }

    @Test
    void theLegacyKeyAloneDrivesTheSameCalls() {
        // Node SDK 1.1.2 sends only x-blaaiz-api-key; the newer SDKs do when no client id is given
        String key = api.post("/admin/v1/platforms/" + tenant.platformId() + "/legacy-api-keys", ADMIN_TOKEN,
                Json.object("mode", "test")).data().get("key").stringValue();

        Response created = legacy("POST", "/api/external/customer", key, Customers.INDIVIDUAL);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String customerId = created.data().get("id").stringValue();
        assertThat(legacy("GET", "/api/external/customer?paginate=true&per_page=5", key, null).json().get("meta")
                .get("per_page").intValue()).isEqualTo(5);
        Response presigned = legacy("POST", "/api/external/file/get-presigned-url", key,
                Json.object("customer_id", customerId, "file_category", "identity"));
        assertThat(presigned.status()).as(presigned.toString()).isEqualTo(200);
        assertThat(legacy("GET", "/api/external/customer/" + customerId + "/beneficiary/some-id", key, null).status())
                .isEqualTo(404);
    }

    /** CustomerService.uploadFileComplete: presign, PUT with Content-Type and Content-Disposition, attach. */
    private void uploadFileComplete(String bearer, String customerId) {
        Response presigned = sdk("POST", "/api/external/file/get-presigned-url", bearer,
                Json.object("customer_id", customerId, "file_category", "identity"));
        assertThat(presigned.status()).as(presigned.toString()).isEqualTo(200);
        JsonNode body = presigned.json();
        // the SDK reads url and file_id at the top level first
        String url = body.get("url").stringValue();
        String fileId = body.get("file_id").stringValue();

        Response put = api.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "image/jpeg")
                .header("Content-Disposition", "attachment; filename=\"passport.jpg\"")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Journeys.JPEG)));
        assertThat(put.status()).as(put.toString()).isBetween(200, 299);
        assertThat(put.header("ETag")).as("S3 upload failed: No ETag received from S3").isNotBlank();

        Response attached = sdk("POST", "/api/external/customer/" + customerId + "/files", bearer,
                Json.object("id_file", fileId));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
    }

    /** A JSON call as the SDK makes it, with a Bearer token. */
    private Response sdk(String method, String path, String authorization, String json) {
        return call(method, path, "Authorization", authorization, json);
    }

    /** The same call with the legacy key instead. */
    private Response legacy(String method, String path, String key, String json) {
        return call(method, path, "x-blaaiz-api-key", key, json);
    }

    private Response call(String method, String path, String credentialHeader, String credential, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header(credentialHeader, credential);
        SDK_HEADERS.forEach(request::header);
        return api.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
