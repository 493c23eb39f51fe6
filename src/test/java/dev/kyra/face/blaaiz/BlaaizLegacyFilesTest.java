package dev.kyra.face.blaaiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Journeys;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An individual's legacy files: spec §4.6-§4.7, decisions B5, B10, B14. */
class BlaaizLegacyFilesTest extends KyraIntegrationTest {

    private static final String PRESIGN = "/api/external/file/get-presigned-url";

    private Tenant tenant;
    private Journeys journeys;
    private String individual;

    @BeforeEach
    void newIndividual() {
        tenant = tenants.create();
        journeys = new Journeys(api, tenant);
        individual = api.post("/api/external/customer", tenant.token(), Customers.INDIVIDUAL).data().get("id").stringValue();
    }

    @Test
    void theUploadUrlIsAtTheTopLevelAndTheIdentityFileSendsTheCustomerToReview() {
        Response presign = api.post(PRESIGN, tenant.token(), Json.object("customer_id", individual,
                "file_category", "identity", "file_name", "passport.jpg", "file_type", "image/jpeg"));

        assertThat(presign.status()).isEqualTo(200);
        assertThat(presign.message()).isEqualTo("Upload URL generated successfully");
        assertThat(presign.json().get("file_id").stringValue()).isNotBlank();
        assertThat(presign.json().get("url").stringValue()).startsWith(api.baseUrl() + "/files/");
        assertThat(presign.json().get("headers").isObject()).isTrue();
        String proof = journeys.uploadLegacyFile(individual, "proof_of_address", Journeys.PDF);
        Response proofAttached = api.post(files(), tenant.token(), Json.object("proof_of_address_file", proof));
        assertThat(proofAttached.status()).isEqualTo(200);
        assertThat(proofAttached.message()).isEqualTo("Customer files uploaded successfully");
        assertThat(journeys.status(individual)).as("only id_file triggers verification").isEqualTo("PENDING");

        Response attached = api.post(files(), tenant.token(), Json.object("id_file", journeys.upload(presign, Journeys.JPEG)));

        assertThat(attached.status()).isEqualTo(200);
        assertThat(attached.json().has("data")).isFalse();
        assertThat(journeys.status(individual)).isEqualTo("PROCESSING");
        JsonFiles stored = storedFiles();
        assertThat(stored.slots()).containsExactlyInAnyOrder("id_file", "proof_of_address_file");
        JsonFiles.assertDownloadable(api, individual);
    }

    @Test
    void olderSdksAttachWithPutAndANewFileReplacesTheOldOne() {
        String first = journeys.uploadLegacyFile(individual, "liveness_check", Journeys.JPEG);
        String second = journeys.uploadLegacyFile(individual, "liveness_check", Journeys.PNG);

        assertThat(api.put(files(), tenant.token(), Json.object("liveness_check_file", first)).status()).isEqualTo(200);
        assertThat(api.put(files(), tenant.token(), Json.object("liveness_check_file", second)).status()).isEqualTo(200);

        assertThat(jdbc.sql("select file_id::text from customer_files where customer_id = cast(:id as uuid)")
                .param("id", individual).query(String.class).list()).containsExactly(second);
    }

    @Test
    void wrongCategoriesSlotsAndCustomersAreRefused() {
        assertPresignRefused(Json.object("customer_id", individual, "file_category", "selfie"), 422,
                "file_category must be one of: identity, identity_back, proof_of_address, liveness_check.");
        assertPresignRefused(Json.object("file_category", "identity"), 422, "customer_id is required.");
        assertPresignRefused(Json.object("customer_id", individual), 422, "file_category is required.");
        assertPresignRefused(Json.object("customer_id", "01a1fc98-c780-7086-a3be-c27012f8b5ae", "file_category", "identity"),
                404, "Customer not found");
        String business = api.post("/api/external/customer", tenant.token(), Customers.BUSINESS).data().get("id").stringValue();
        String businessOnly = "These file endpoints are for individual customers; businesses use KYB documents and owner files.";
        assertPresignRefused(Json.object("customer_id", business, "file_category", "identity"), 400, businessOnly);
        Response businessFiles = api.post("/api/external/customer/" + business + "/files", tenant.token(),
                Json.object("id_file", "f6c04a3e-3cdb-4b07-87e5-7a7c0d8b1c10"));
        assertThat(businessFiles.status()).isEqualTo(400);
        assertThat(businessFiles.message()).isEqualTo(businessOnly);

        Response empty = api.post(files(), tenant.token(), "{}");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.message()).isEqualTo("One of id_file, id_file_back, proof_of_address_file, liveness_check_file is required.");
        String back = journeys.uploadLegacyFile(individual, "identity_back", Journeys.JPEG);
        Response wrongSlot = api.post(files(), tenant.token(), Json.object("id_file", back));
        assertThat(wrongSlot.status()).isEqualTo(422);
        assertThat(wrongSlot.message()).isEqualTo("id_file was uploaded for another purpose.");
        assertThat(journeys.status(individual)).isEqualTo("PENDING");
        assertThat(storedFiles().slots()).isEmpty();
    }

    @Test
    void uploadsAreRefusedDuringReviewAndAllowedAgainAfterARejection() {
        journeys.sendIndividualToReview(individual);
        String locked = "Files cannot be uploaded while the customer is under review or verified.";
        assertPresignRefused(Json.object("customer_id", individual, "file_category", "identity"), 400, locked);

        journeys.decide(individual, "reject", "Blurred");
        journeys.sendIndividualToReview(individual);

        assertThat(journeys.status(individual)).isEqualTo("PROCESSING");
    }

    @Test
    void anUploadOverTwentyFiveMegabytesIsRefusedByTheUploadUrl() {
        String url = api.post(PRESIGN, tenant.token(), Json.object("customer_id", individual, "file_category", "identity"))
                .json().get("url").stringValue();
        byte[] tooLarge = new byte[25 * 1024 * 1024 + 1];
        System.arraycopy(Journeys.PDF, 0, tooLarge, 0, Journeys.PDF.length);

        // as curl and the S3 SDKs do for large bodies: ask first, so the refusal arrives before the bytes
        Response response = api.send(HttpRequest.newBuilder(URI.create(url)).expectContinue(true)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(tooLarge)));

        assertThat(response.status()).isEqualTo(413);
        assertThat(api.send(HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Journeys.PDF))).status())
                .as("a refused upload does not use the URL up").isEqualTo(200);
    }

    private void assertPresignRefused(String body, int status, String message) {
        Response response = api.post(PRESIGN, tenant.token(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.message()).isEqualTo(message);
    }

    private JsonFiles storedFiles() {
        return new JsonFiles(jdbc.sql("select slot from customer_files where customer_id = cast(:id as uuid)")
                .param("id", individual).query(String.class).list());
    }

    private String files() {
        return "/api/external/customer/" + individual + "/files";
    }

    /** An individual's registered files, as reviewers see them. */
    private record JsonFiles(List<String> slots) {

        static void assertDownloadable(dev.kyra.support.Api api, String customerId) {
            var files = api.get("/admin/v1/customers/" + customerId, ADMIN_TOKEN).data().get("files");
            String url = files.get("id_file").get("download_url").stringValue();
            Response download = api.send(HttpRequest.newBuilder(URI.create(url)).GET());
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.header("Content-Type")).isEqualTo("image/jpeg");
        }
    }
}
