package dev.kyra.face.blaaiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Journeys;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Owner removal and owner ID files: spec §4.10-§4.12 with the lock matrix of §5.3. */
class BlaaizOwnersTest extends KyraIntegrationTest {

    private Tenant tenant;
    private Journeys journeys;
    private String business;
    private String jane;
    private String john;

    @BeforeEach
    void newBusiness() {
        tenant = tenants.create();
        journeys = new Journeys(api, tenant);
        Response created = api.post("/api/external/customer", tenant.token(), Customers.COMPLETE_BUSINESS);
        business = created.data().get("id").stringValue();
        jane = created.data().get("owners").get(0).get("id").stringValue();
        john = created.data().get("owners").get(1).get("id").stringValue();
    }

    @Test
    void anOwnersIdFilesAreUploadedAndRegisteredByTheirStorageKeys() {
        Response presign = api.post(owner(jane) + "/file/presigned-url", tenant.token(),
                Json.object("file_category", "id_document_front"));
        assertThat(presign.status()).isEqualTo(200);
        assertThat(presign.message()).isEqualTo("Upload URL generated successfully");
        assertThat(presign.data().get("headers").isEmpty()).as("no header is needed beside the bytes (B23)").isTrue();
        String front = journeys.upload(presign, Journeys.JPEG);

        Response attached = api.post(owner(jane) + "/files", tenant.token(), Json.object("id_document_front", front));

        assertThat(attached.status()).isEqualTo(200);
        assertThat(attached.message()).isEqualTo("Owner files uploaded successfully");
        JsonNode data = attached.data();
        assertThat(data.get("id").stringValue()).isEqualTo(jane);
        assertThat(data.get("first_name").stringValue()).isEqualTo("Jane");
        assertThat(data.get("id_document_path").stringValue())
                .startsWith(tenant.platformId() + "/test/customer/" + business + "/owner/" + jane + "/id_document_front_")
                .endsWith(front);
        assertThat(data.get("id_document_back_path").isNull()).isTrue();
        assertThat(data.get("status").stringValue()).isEqualTo("PENDING");
        assertThat(journeys.customer(business).get("owners").get(0).get("id_document_path").stringValue())
                .isEqualTo(data.get("id_document_path").stringValue());
    }

    @Test
    void eachFileMustBeThisOwnersUploadForThatSideAndAnAcceptedType() {
        String back = journeys.uploadOwnerFile(business, jane, "id_document_back", Journeys.PNG);
        assertRefused(Json.object("id_document_front", back), 422, "id_document_front was uploaded for another purpose.");
        String johns = journeys.uploadOwnerFile(business, john, "id_document_front", Journeys.PNG);
        assertRefused(Json.object("id_document_front", johns), 422, "id_document_front was uploaded for another purpose.");
        String text = journeys.uploadOwnerFile(business, jane, "id_document_front", "GIF89a...".getBytes());
        assertRefused(Json.object("id_document_front", text), 422, "id_document_front must be a PDF, JPEG or PNG file.");
        String good = journeys.uploadOwnerFile(business, jane, "id_document_front", Journeys.PNG);
        assertRefused(Json.object("id_document_front", good, "id_document_back", "f6c04a3e-3cdb-4b07-87e5-7a7c0d8b1c10"), 422,
                "id_document_back was not found; request an upload URL first.");
        assertRefused(Json.object("id_document_front", 42), 422, "id_document_front must be a file id (a string).");
        assertRefused("{}", 422, "id_document_front or id_document_back is required.");
        assertThat(journeys.customer(business).get("owners").get(0).get("id_document_path").isNull())
                .as("a refused request registers none of its files").isTrue();

        Response category = api.post(owner(jane) + "/file/presigned-url", tenant.token(), Json.object("file_category", "selfie"));
        assertThat(category.status()).isEqualTo(422);
        assertThat(category.message()).isEqualTo("file_category must be one of: id_document_front, id_document_back.");
        Response missing = api.post(owner(jane) + "/file/presigned-url", tenant.token(), "{}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.message()).isEqualTo("file_category is required.");
    }

    @Test
    void replacingAFileOfARejectedOwnerReopensIt() {
        journeys.submitBusiness(business);
        journeys.decideChild(business, "owners", john, "reject", "The licence is expired");
        journeys.decide(business, "reject", "See John Roe");
        String newFront = journeys.uploadOwnerFile(business, john, "id_document_front", Journeys.JPEG);

        JsonNode owner = api.post(owner(john) + "/files", tenant.token(), Json.object("id_document_front", newFront)).data();

        assertThat(owner.get("status").stringValue()).isEqualTo("PENDING");
        assertThat(owner.get("admin_comments").isNull()).isTrue();
        assertThat(owner.get("id_document_path").stringValue()).endsWith(newFront);
        assertThat(owner.get("id_document_back_path").isNull()).as("the other side is kept").isFalse();
    }

    @Test
    void ownersUnderReviewOrApprovedAndCustomersUnderReviewAreLocked() {
        String spare = journeys.uploadOwnerFile(business, jane, "id_document_front", Journeys.JPEG);
        journeys.submitBusiness(business);
        String customerLocked = "Cannot modify owners while customer verification is in progress.";
        assertStatus(api.post(owner(jane) + "/file/presigned-url", tenant.token(),
                Json.object("file_category", "id_document_front")), 400, customerLocked);
        assertRefused(Json.object("id_document_front", spare), 400, customerLocked);
        assertStatus(api.delete(owner(jane), tenant.token()), 400, customerLocked);

        journeys.decideChild(business, "owners", jane, "approve", null);
        journeys.decide(business, "reject", "John Roe's licence is expired");

        assertStatus(api.post(owner(jane) + "/file/presigned-url", tenant.token(),
                Json.object("file_category", "id_document_front")), 400,
                "Cannot upload files for an owner that has been approved or is currently under review.");
        assertRefused(Json.object("id_document_front", spare), 400,
                "Cannot upload files for an owner that has been approved or is currently under review.");
        assertStatus(api.delete(owner(jane), tenant.token()), 400,
                "Cannot remove an owner that has been approved or is currently under review.");
        assertThat(ownerCount(business)).isEqualTo(2);
    }

    @Test
    void anOwnerIsDeleted() {
        Response deleted = api.delete(owner(john), tenant.token());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.message()).isEqualTo("Owner deleted successfully");
        assertThat(journeys.ownerIds(business)).containsExactly(jane);
        assertStatus(api.delete(owner(john), tenant.token()), 404, "Owner not found");
        JsonNode history = api.get("/admin/v1/customers/" + business + "/history", ADMIN_TOKEN).data();
        assertThat(history.valueStream().map(entry -> entry.get("type").stringValue() + " " + entry.get("subject").stringValue()))
                .contains("owner.removed owner:" + john);
    }

    @Test
    void anOwnerOfAnotherCustomerOrTenantIsNotFound() {
        String other = api.post("/api/external/customer", tenant.token(),
                Json.with(Customers.COMPLETE_BUSINESS, "registration_number", "RC-OTHER")).data().get("id").stringValue();
        String path = "/api/external/customer/" + other + "/owner/" + jane;
        for (Response response : List.of(api.delete(path, tenant.token()),
                api.post(path + "/file/presigned-url", tenant.token(), Json.object("file_category", "id_document_front")),
                api.post(path + "/files", tenant.token(), Json.object("id_document_front", UUID.randomUUID().toString())),
                api.delete("/api/external/customer/" + business + "/owner/not-a-uuid", tenant.token()))) {
            assertStatus(response, 404, "Owner not found");
        }
        Tenant stranger = tenants.create();
        assertStatus(api.delete(owner(jane), stranger.token()), 404, "Customer not found");
        assertThat(ownerCount(business)).isEqualTo(2);
    }

    private void assertRefused(String body, int status, String message) {
        assertStatus(api.post(owner(jane) + "/files", tenant.token(), body), status, message);
    }

    private static void assertStatus(Response response, int status, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.message()).isEqualTo(message);
    }

    private String owner(String ownerId) {
        return "/api/external/customer/" + business + "/owner/" + ownerId;
    }
}
