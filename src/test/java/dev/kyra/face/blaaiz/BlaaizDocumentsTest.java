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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** KYB documents, spec §4.13: upload, register, read with fresh links, edit, soft delete, locks. */
class BlaaizDocumentsTest extends KyraIntegrationTest {

    private static final String CUSTOMERS = "/api/external/customer/";

    private Tenant tenant;
    private Journeys journeys;
    private String business;

    @BeforeEach
    void newBusiness() {
        tenant = tenants.create();
        journeys = new Journeys(api, tenant);
        business = create(Customers.COMPLETE_BUSINESS);
    }

    @Test
    void aDocumentIsUploadedRegisteredAndDownloadedWithItsOwnBytes() {
        Response presign = api.post(path() + "/presigned-url", tenant.token(), "");
        assertThat(presign.status()).isEqualTo(200);
        assertThat(presign.message()).isEqualTo("Upload URL generated successfully");
        JsonNode upload = presign.data();
        assertThat(upload.get("url").stringValue()).startsWith(api.baseUrl() + "/files/");
        assertThat(upload.get("headers").isEmpty()).as("no header is needed beside the bytes (B23)").isTrue();
        Response put = journeys.put(upload.get("url").stringValue(), Journeys.PDF, "application/pdf");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.header("ETag")).isEqualTo("\"" + md5(Journeys.PDF) + "\"");

        Response created = api.post(path(), tenant.token(), Json.object("type", "CERTIFICATE_OF_INCORPORATION",
                "name", "Certificate", "description", "Issued by the CAC", "file_id", upload.get("file_id").stringValue()));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.message()).isEqualTo("Document created successfully");
        JsonNode document = created.data();
        assertThat(document.get("business_customer_id").stringValue()).isEqualTo(business);
        assertThat(document.get("type").stringValue()).isEqualTo("CERTIFICATE_OF_INCORPORATION");
        assertThat(document.get("name").stringValue()).isEqualTo("Certificate");
        assertThat(document.get("extension").stringValue()).isEqualTo("pdf");
        assertThat(document.get("description").stringValue()).isEqualTo("Issued by the CAC");
        assertThat(document.get("status").stringValue()).isEqualTo("PENDING");
        assertThat(document.get("admin_comments").isNull()).isTrue();
        assertThat(document.get("created_at").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(download(document.get("url").stringValue())).isEqualTo(Journeys.PDF);

        String id = document.get("id").stringValue();
        Response fetched = api.get(path() + "/" + id, tenant.token());
        assertThat(fetched.message()).isEqualTo("Document retrieved successfully");
        assertThat(download(fetched.data().get("url").stringValue())).isEqualTo(Journeys.PDF);
        Response list = api.get(path(), tenant.token());
        assertThat(list.json().has("message")).isFalse();
        assertThat(list.data()).hasSize(1);
        assertThat(list.data().get(0).get("id").stringValue()).isEqualTo(id);
        assertThat(journeys.customer(business).get("documents").get(0).get("id").stringValue()).isEqualTo(id);
    }

    @Test
    void anUploadUrlTakesOnePut() {
        JsonNode upload = api.post(path() + "/presigned-url", tenant.token(), "").data();
        String url = upload.get("url").stringValue();
        assertThat(journeys.put(url, Journeys.PDF, "application/pdf").status()).isEqualTo(200);

        Response second = journeys.put(url, Journeys.PNG, "image/png");

        assertThat(second.status()).isEqualTo(409);
        assertThat(create("CERTIFICATE_OF_INCORPORATION", upload.get("file_id").stringValue()).data().get("extension")
                .stringValue()).as("the first upload is what was kept").isEqualTo("pdf");
    }

    @Test
    void aTamperedUploadOrDownloadUrlIsRefused() {
        String url = api.post(path() + "/presigned-url", tenant.token(), "").data().get("url").stringValue();
        String tampered = url.substring(0, url.length() - 2) + (url.endsWith("A") ? "BB" : "AA");

        assertThat(journeys.put(tampered, Journeys.PDF, "application/pdf").status()).isEqualTo(403);
        assertThat(api.send(HttpRequest.newBuilder(URI.create(tampered)).GET()).status()).isEqualTo(403);
        assertThat(api.send(HttpRequest.newBuilder(URI.create(url)).GET()).status())
                .as("an upload URL is not a download URL").isEqualTo(403);
    }

    @Test
    void theFileIsJudgedByItsBytesAndMustHaveBeenUploadedForThisCustomer() {
        assertCreateRefused(journeys.uploadDocumentFile(business, "just text".getBytes()),
                "Document file must be a PDF, JPEG or PNG file.");
        String notUploaded = api.post(path() + "/presigned-url", tenant.token(), "").data().get("file_id").stringValue();
        assertCreateRefused(notUploaded, "Document file has not been uploaded yet.");
        assertCreateRefused(UUID.randomUUID().toString(), "Document file was not found; request an upload URL first.");
        assertCreateRefused("not-a-uuid", "Document file must be a file id from an upload URL.");
        String other = create(Json.with(Customers.COMPLETE_BUSINESS, "registration_number", "RC-OTHER"));
        assertCreateRefused(journeys.uploadDocumentFile(other, Journeys.PDF), "Document file was uploaded for another purpose.");
        String owner = journeys.ownerIds(business).get(0);
        assertCreateRefused(journeys.uploadOwnerFile(business, owner, "id_document_front", Journeys.PDF),
                "Document file was uploaded for another purpose.");
        assertThat(documentRows(business)).isZero();
    }

    @Test
    void everyFieldIsValidated() {
        String file = journeys.uploadDocumentFile(business, Journeys.PDF);
        assertInvalid(Json.object("name", "N", "file_id", file), "type", "type is required.");
        assertInvalid(Json.object("type", "PASSPORT", "name", "N", "file_id", file), "type",
                "type must be one of: ACCOUNT_AGREEMENT, ARTICLES_OF_INCORPORATION, BANK_STATEMENT, "
                        + "BENEFICIAL_OWNERSHIP_CERTIFICATE, CAC_STATUS_REPORT, CERTIFICATE_OF_INCORPORATION, "
                        + "COMPANY_OWNERSHIP_STRUCTURE, DIRECTORS_REGISTER, INCORPORATION_DOCUMENTS, LICENSE, OTHER, "
                        + "PROOF_OF_ADDRESS, SHARE_REGISTRATION.");
        assertInvalid(Json.object("type", "LICENSE", "file_id", file), "name", "name is required.");
        assertInvalid(Json.object("type", "LICENSE", "name", "x".repeat(256), "file_id", file), "name",
                "name must not be longer than 255 characters.");
        assertInvalid(Json.object("type", "LICENSE", "name", "N", "description", "d".repeat(2001), "file_id", file),
                "description", "description must not be longer than 2000 characters.");
        assertInvalid(Json.object("type", "LICENSE", "name", "N"), "file_id", "file_id is required.");
        assertInvalid(Json.object("type", 7, "name", "N", "file_id", file), "type", "type must be a string.");
        assertThat(documentRows(business)).isZero();
    }

    @Test
    void anUpdateChangesWhatItSendsAndADeleteHidesTheDocument() {
        String id = create("BANK_STATEMENT", journeys.uploadDocumentFile(business, Journeys.PDF)).data().get("id").stringValue();

        Response updated = api.put(path() + "/" + id, tenant.token(), Json.object("name", "March statement",
                "description", "Q1", "file_id", journeys.uploadDocumentFile(business, Journeys.PNG)));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.message()).isEqualTo("Document updated successfully");
        assertThat(updated.data().get("type").stringValue()).isEqualTo("BANK_STATEMENT");
        assertThat(updated.data().get("name").stringValue()).isEqualTo("March statement");
        assertThat(updated.data().get("extension").stringValue()).isEqualTo("png");
        assertThat(download(updated.data().get("url").stringValue())).isEqualTo(Journeys.PNG);
        Response cleared = api.put(path() + "/" + id, tenant.token(), "{\"description\": null}");
        assertThat(cleared.data().get("description").isNull()).isTrue();
        Response nameCleared = api.put(path() + "/" + id, tenant.token(), "{\"name\": null}");
        assertThat(nameCleared.status()).isEqualTo(422);
        assertThat(nameCleared.message()).isEqualTo("name is required.");

        Response deleted = api.delete(path() + "/" + id, tenant.token());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.message()).isEqualTo("Document deleted successfully");
        assertThat(api.get(path(), tenant.token()).data()).isEmpty();
        assertThat(api.get(path() + "/" + id, tenant.token()).status()).isEqualTo(404);
        assertThat(api.delete(path() + "/" + id, tenant.token()).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from customer_documents where id = :id and deleted_at is not null")
                .param("id", UUID.fromString(id)).query(Long.class).single()).as("kept for the reviewers").isEqualTo(1);
    }

    @Test
    void documentsUnderReviewOrApprovedAndCustomersUnderReviewOrVerifiedAreLocked() {
        String certificate = journeys.addFormationDocument(business);
        String spare = journeys.uploadDocumentFile(business, Journeys.PDF);
        journeys.addOwnerFiles(business);
        journeys.submit(business);
        String customerLocked = "Cannot modify documents while customer verification is in progress.";

        assertLocked(api.post(path() + "/presigned-url", tenant.token(), ""), customerLocked);
        assertLocked(create("LICENSE", spare), customerLocked);
        assertLocked(api.put(path() + "/" + certificate, tenant.token(), Json.object("name", "Renamed")), customerLocked);
        assertLocked(api.delete(path() + "/" + certificate, tenant.token()), customerLocked);

        journeys.decideChild(business, "documents", certificate, "approve", null);
        journeys.decide(business, "reject", "Owner files are unreadable");
        String documentLocked = "Cannot modify a document that has been approved or is currently under review.";
        assertLocked(api.put(path() + "/" + certificate, tenant.token(), Json.object("name", "Renamed")), documentLocked);
        assertLocked(api.delete(path() + "/" + certificate, tenant.token()), documentLocked);
        assertThat(api.put(path() + "/" + certificate, tenant.token(), Json.object("name", "Certificate of incorporation"))
                .status()).as("resending what is stored changes nothing, so it is allowed").isEqualTo(200);
        assertThat(create("LICENSE", spare).status()).as("a rejected customer takes new documents").isEqualTo(201);

        JsonNode document = api.get(path() + "/" + certificate, tenant.token()).data();
        assertThat(document.get("name").stringValue()).isEqualTo("Certificate of incorporation");
        assertThat(document.get("status").stringValue()).isEqualTo("APPROVED");
        assertThat(documentRows(business)).isEqualTo(2);
    }

    private void assertLocked(Response response, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).isEqualTo(message);
    }

    @Test
    void anIndividualHasNoDocuments() {
        String individual = create(Customers.INDIVIDUAL);

        for (Response response : new Response[] {api.get(CUSTOMERS + individual + "/document", tenant.token()),
                api.post(CUSTOMERS + individual + "/document/presigned-url", tenant.token(), "")}) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.message()).isEqualTo("KYB documents are for business customers only.");
        }
    }

    @Test
    void unknownCustomersAndDocumentsAreNotFound() {
        String unknown = "01a1fc98-c780-7086-a3be-c27012f8b5ae";
        assertThat(api.get(CUSTOMERS + unknown + "/document", tenant.token()).message()).isEqualTo("Customer not found");
        for (String document : new String[] {unknown, "nope"}) {
            Response response = api.get(path() + "/" + document, tenant.token());
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.message()).isEqualTo("Document not found");
        }
        Tenant other = tenants.create();
        assertThat(api.get(path(), other.token()).status()).isEqualTo(404);
        assertThat(api.post(path() + "/presigned-url", other.token(), "").status()).isEqualTo(404);
    }

    private void assertCreateRefused(String fileId, String message) {
        Response response = create("CERTIFICATE_OF_INCORPORATION", fileId);
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.message()).isEqualTo(message);
        assertThat(response.json().get("errors").get("file_id").get(0).stringValue()).isEqualTo(message);
    }

    private void assertInvalid(String body, String field, String message) {
        Response response = api.post(path(), tenant.token(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.message()).isEqualTo(message);
        assertThat(response.json().get("errors").has(field)).as(response.toString()).isTrue();
    }

    private Response create(String type, String fileId) {
        return api.post(path(), tenant.token(), Json.object("type", type, "name", "A document", "file_id", fileId));
    }

    private byte[] download(String url) {
        java.net.http.HttpResponse<byte[]> response;
        try {
            response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private long documentRows(String customerId) {
        return jdbc.sql("select count(*) from customer_documents where customer_id = :id")
                .param("id", UUID.fromString(customerId)).query(Long.class).single();
    }

    private static String md5(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String path() {
        return CUSTOMERS + business + "/document";
    }

    private String create(String body) {
        Response response = api.post("/api/external/customer", tenant.token(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.data().get("id").stringValue();
    }
}
