package dev.kyra.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Api;
import dev.kyra.support.Customers;
import dev.kyra.support.Journeys;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import dev.kyra.support.Tenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.gaul.s3proxy.junit.S3ProxyJunitCore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The S3 adapter against a real S3 server in this JVM (s3proxy): uploads go straight to the bucket
 * through presigned URLs, and Kyra checks what arrived there. This is its own application, with its
 * own database, configured the way an operator would: by {@code KYRA_S3_*} settings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class S3StorageTest {

    private static final S3ProxyJunitCore S3 = new S3ProxyJunitCore.Builder()
            .withBlobStoreProvider("transient-nio2")
            .withCredentials("kyra-access", "kyra-secret")
            .build();

    @LocalServerPort
    private int port;

    private Api api;
    private Tenant tenant;
    private Journeys journeys;

    @BeforeAll
    static void startS3() throws Exception {
        S3.beforeEach();
    }

    @AfterAll
    static void stopS3() {
        S3.afterEach();
    }

    @DynamicPropertySource
    static void s3Storage(DynamicPropertyRegistry registry) {
        registry.add("kyra.data-dir", () -> Path.of("target", "test-data", "s3-" + UUID.randomUUID()).toAbsolutePath().toString());
        registry.add("kyra.admin-token", () -> KyraIntegrationTest.ADMIN_TOKEN);
        registry.add("kyra.s3.endpoint", () -> S3.getUri().toString());
        registry.add("kyra.s3.bucket", () -> "kyra-files");
        registry.add("kyra.s3.access-key", S3::getAccessKey);
        registry.add("kyra.s3.secret-key", S3::getSecretKey);
    }

    @BeforeEach
    void newTenant() {
        api = new Api(port);
        tenant = new Tenants(api).create();
        journeys = new Journeys(api, tenant);
    }

    @Test
    void aDocumentGoesIntoTheBucketAndComesBackByItsLink() {
        String business = create(Customers.COMPLETE_BUSINESS);
        JsonNode upload = api.post(documents(business) + "/presigned-url", tenant.token(), "").data();
        String url = upload.get("url").stringValue();
        assertThat(url).startsWith(S3.getUri().toString()).contains("X-Amz-Signature=").contains("kyra-files");

        Response put = journeys.put(url, Journeys.PDF, "application/pdf");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.header("ETag")).isNotBlank();
        Response created = api.post(documents(business), tenant.token(), Json.object("type", "CERTIFICATE_OF_INCORPORATION",
                "name", "Certificate", "file_id", upload.get("file_id").stringValue()));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.data().get("extension").stringValue()).isEqualTo("pdf");
        String link = api.get(documents(business), tenant.token()).data().get(0).get("url").stringValue();
        assertThat(link).startsWith(S3.getUri().toString()).contains("X-Amz-Expires=120");
        assertThat(download(link)).isEqualTo(Journeys.PDF);
    }

    @Test
    void theBucketTakesAnUploadWithOnlyTheHeadersTheSdksSendAndStillChecksTheSignature() {
        String business = create(Customers.COMPLETE_BUSINESS);
        JsonNode upload = api.post(documents(business) + "/presigned-url", tenant.token(), "").data();
        String url = upload.get("url").stringValue();
        assertThat(upload.get("headers").isEmpty()).as("nothing to send beside the bytes (B23)").isTrue();

        // what the Java SDK's uploadFile sends: Content-Type and Content-Disposition, nothing else
        Response sdkStyle = api.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "image/jpeg").header("Content-Disposition", "attachment; filename=\"cert.pdf\"")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Journeys.PDF)));
        assertThat(sdkStyle.status()).as(sdkStyle.toString()).isEqualTo(200);
        assertThat(sdkStyle.header("ETag")).as("the SDKs refuse an upload without one").isNotBlank();
        Response registered = api.post(documents(business), tenant.token(), Json.object("type",
                "CERTIFICATE_OF_INCORPORATION", "name", "Certificate", "file_id", upload.get("file_id").stringValue()));
        assertThat(registered.status()).as("the declared type is not trusted, the bytes are: " + registered)
                .isEqualTo(201);

        String tampered = url.replaceFirst("X-Amz-Signature=[0-9a-f]", "X-Amz-Signature=" + (url.contains("X-Amz-Signature=0") ? "1" : "0"));
        Response forged = api.send(HttpRequest.newBuilder(URI.create(tampered))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Journeys.PDF)));
        assertThat(forged.status()).as("an altered URL is still refused").isEqualTo(403);
    }

    @Test
    void whatArrivedInTheBucketIsCheckedBeforeItIsRegistered() {
        String business = create(Customers.COMPLETE_BUSINESS);
        byte[] tooLarge = new byte[25 * 1024 * 1024 + 1];
        System.arraycopy(Journeys.PDF, 0, tooLarge, 0, Journeys.PDF.length);
        assertDocumentRefused(business, journeys.uploadDocumentFile(business, tooLarge), "Document file exceeds the 25 MB maximum.");
        assertDocumentRefused(business, journeys.uploadDocumentFile(business, "<html>".getBytes()),
                "Document file must be a PDF, JPEG or PNG file.");
        String notUploaded = api.post(documents(business) + "/presigned-url", tenant.token(), "").data().get("file_id").stringValue();
        assertDocumentRefused(business, notUploaded, "Document file has not been uploaded yet.");
        assertThat(api.get(documents(business), tenant.token()).data()).isEmpty();
    }

    @Test
    void ownerAndLegacyFilesTakeTheSamePath() {
        String business = create(Customers.COMPLETE_BUSINESS);
        journeys.addOwnerFiles(business);
        JsonNode john = journeys.customer(business).get("owners").get(1);
        assertThat(john.get("id_document_back_path").stringValue())
                .startsWith(tenant.platformId() + "/test/customer/" + business + "/owner/");

        String individual = create(Customers.INDIVIDUAL);
        journeys.sendIndividualToReview(individual);
        assertThat(journeys.status(individual)).isEqualTo("PROCESSING");
        String link = api.get("/admin/v1/customers/" + individual, KyraIntegrationTest.ADMIN_TOKEN).data()
                .get("files").get("id_file").get("download_url").stringValue();
        assertThat(download(link)).isEqualTo(Journeys.JPEG);
    }

    private void assertDocumentRefused(String business, String fileId, String message) {
        Response response = api.post(documents(business), tenant.token(), Json.object("type", "LICENSE", "name", "Licence",
                "file_id", fileId));
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.message()).isEqualTo(message);
    }

    private static byte[] download(String url) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String documents(String business) {
        return "/api/external/customer/" + business + "/document";
    }

    private String create(String body) {
        Response response = api.post("/api/external/customer", tenant.token(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.data().get("id").stringValue();
    }
}
