package dev.kyra.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Takes customers through the verification flow the way a platform and a reviewer would: real
 * uploads of real bytes to the URLs Kyra hands out, real submits, real admin decisions. Tests use it
 * to reach a state, then test what that state allows.
 */
public final class Journeys {

    public static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

    private static final String CUSTOMER = "/api/external/customer/";
    private static final String ADMIN = "/admin/v1/customers/";

    private final Api api;
    private final Tenant tenant;

    public Journeys(Api api, Tenant tenant) {
        this.api = api;
        this.tenant = tenant;
    }

    /**
     * PUTs bytes to an upload URL exactly as the official Blaaiz SDKs do: a Content-Type and a
     * Content-Disposition, no other header (decision B23). The answer must carry an ETag.
     */
    public Response put(String url, byte[] bytes, String contentType) {
        return api.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .header("Content-Disposition", "attachment; filename=\"upload.bin\"")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** Uploads bytes through a presign response (top-level or {@code data} form) and returns the file id. */
    public String upload(Response presign, byte[] bytes) {
        assertThat(presign.status()).as(presign.toString()).isEqualTo(200);
        JsonNode body = presign.json().has("data") ? presign.data() : presign.json();
        Response put = put(body.get("url").stringValue(), bytes, "application/octet-stream");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.header("ETag")).isNotBlank();
        return body.get("file_id").stringValue();
    }

    public String uploadDocumentFile(String customerId, byte[] bytes) {
        return upload(api.post(CUSTOMER + customerId + "/document/presigned-url", tenant.token(), ""), bytes);
    }

    public String uploadOwnerFile(String customerId, String ownerId, String category, byte[] bytes) {
        return upload(api.post(CUSTOMER + customerId + "/owner/" + ownerId + "/file/presigned-url", tenant.token(),
                Json.object("file_category", category)), bytes);
    }

    public String uploadLegacyFile(String customerId, String category, byte[] bytes) {
        return upload(api.post("/api/external/file/get-presigned-url", tenant.token(),
                Json.object("customer_id", customerId, "file_category", category)), bytes);
    }

    /** A certificate of incorporation, registered; returns the document id. */
    public String addFormationDocument(String customerId) {
        String fileId = uploadDocumentFile(customerId, PDF);
        Response created = api.post(CUSTOMER + customerId + "/document", tenant.token(), Json.object(
                "type", "CERTIFICATE_OF_INCORPORATION", "name", "Certificate of incorporation", "file_id", fileId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.data().get("id").stringValue();
    }

    /** ID files for every owner: a front, and a back unless the document is a passport. */
    public void addOwnerFiles(String customerId) {
        for (JsonNode owner : customer(customerId).get("owners")) {
            String ownerId = owner.get("id").stringValue();
            boolean passport = "passport".equals(owner.get("id_document_type").stringValue());
            Map<String, String> files = passport
                    ? Map.of("id_document_front", uploadOwnerFile(customerId, ownerId, "id_document_front", JPEG))
                    : Map.of("id_document_front", uploadOwnerFile(customerId, ownerId, "id_document_front", JPEG),
                            "id_document_back", uploadOwnerFile(customerId, ownerId, "id_document_back", PNG));
            Response attached = api.post(CUSTOMER + customerId + "/owner/" + ownerId + "/files", tenant.token(),
                    Json.write(files));
            assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        }
    }

    public Response submit(String customerId) {
        return api.post(CUSTOMER + customerId + "/submit", tenant.token(), "");
    }

    /** A complete business (owners' percentages must already total 100) sent to review. */
    public void submitBusiness(String customerId) {
        addFormationDocument(customerId);
        addOwnerFiles(customerId);
        Response submitted = submit(customerId);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    }

    /** An individual's identity file attached: the customer goes to review (decision B5). */
    public void sendIndividualToReview(String customerId) {
        Response attached = api.post(CUSTOMER + customerId + "/files", tenant.token(),
                Json.object("id_file", uploadLegacyFile(customerId, "identity", JPEG)));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
    }

    public void verifyIndividual(String customerId) {
        sendIndividualToReview(customerId);
        decide(customerId, "approve", null);
    }

    public void rejectIndividual(String customerId, String comment) {
        sendIndividualToReview(customerId);
        decide(customerId, "reject", comment);
    }

    /** A reviewer's decision on the customer: approve or reject. */
    public Response decide(String customerId, String decision, String comment) {
        Response response = admin(ADMIN + customerId + "/" + decision, comment);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    /** A reviewer's decision on an owner ({@code owners}) or a document ({@code documents}). */
    public Response decideChild(String customerId, String kind, String childId, String decision, String comment) {
        Response response = admin(ADMIN + customerId + "/" + kind + "/" + childId + "/" + decision, comment);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    public Response admin(String path, String comment) {
        return api.post(path, KyraIntegrationTest.ADMIN_TOKEN, comment == null ? "" : Json.object("comment", comment));
    }

    public JsonNode customer(String customerId) {
        Response response = api.get(CUSTOMER + customerId, tenant.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data();
    }

    /**
     * A customer as the Blaaiz face shows it, without its documents' download links: those are
     * signed afresh on every read, so two reads a second apart differ there and nowhere else.
     */
    public JsonNode customerWithoutLinks(String customerId) {
        JsonNode customer = customer(customerId);
        customer.get("documents").valueStream()
                .forEach(document -> ((tools.jackson.databind.node.ObjectNode) document).remove("url"));
        return customer;
    }

    public String status(String customerId) {
        return customer(customerId).get("verification_status").stringValue();
    }

    public List<String> ownerIds(String customerId) {
        return customer(customerId).get("owners").valueStream().map(owner -> owner.get("id").stringValue()).toList();
    }
}
