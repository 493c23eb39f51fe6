package dev.kyra.face.blaaiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Journeys;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/external/customer/{id}/submit} and the review that follows: spec §4.8, §5, decision B5. */
class BlaaizSubmitTest extends KyraIntegrationTest {

    private static final String PATH = "/api/external/customer/";

    private Tenant tenant;
    private Journeys journeys;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
        journeys = new Journeys(api, tenant);
    }

    @Test
    void aBusinessGoesFromCreationToVerifiedAndThenOnlyFillsEmptyFields() {
        String id = create(Json.without(Customers.COMPLETE_BUSINESS, "website"));
        List<String> owners = journeys.ownerIds(id);
        journeys.addOwnerFiles(id);
        String certificate = journeys.addFormationDocument(id);

        Response submitted = journeys.submit(id);

        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.message()).isEqualTo("Customer submitted for verification successfully");
        JsonNode data = submitted.data();
        assertThat(data.get("verification_status").stringValue()).isEqualTo("PROCESSING");
        assertThat(statuses(data.get("owners"))).containsExactly("PROCESSING", "PROCESSING");
        assertThat(statuses(data.get("documents"))).containsExactly("PROCESSING");
        assertThat(data.get("kyc_data")).isNotNull();

        journeys.decideChild(id, "owners", owners.get(0), "approve", "Passport matches");
        journeys.decideChild(id, "documents", certificate, "approve", null);
        JsonNode verified = journeys.decide(id, "approve", "Welcome aboard").data();

        assertThat(verified.get("verification_status").stringValue()).isEqualTo("VERIFIED");
        JsonNode customer = journeys.customer(id);
        assertThat(customer.get("verification_status").stringValue()).isEqualTo("VERIFIED");
        assertThat(statuses(customer.get("owners"))).containsExactly("APPROVED", "APPROVED");
        assertThat(customer.get("owners").get(0).get("admin_comments").get(0).stringValue()).isEqualTo("Passport matches");
        assertThat(statuses(customer.get("documents"))).containsExactly("APPROVED");
        assertThat(customer.get("recent_comments").get(0).get("comment").stringValue()).isEqualTo("Welcome aboard");
        assertThat(customer.get("recent_comments").get(0).get("type").stringValue()).isEqualTo("review");

        Response fill = api.put(PATH + id, tenant.token(), Json.object("website", "https://acme.example.com"));
        assertThat(fill.status()).isEqualTo(200);
        assertThat(fill.data().get("website").stringValue()).isEqualTo("https://acme.example.com");
        Response change = api.put(PATH + id, tenant.token(), Json.object("email", "new@acme.example.com"));
        assertThat(change.status()).isEqualTo(400);
        assertThat(change.message()).isEqualTo("Verified customers can only update fields that are currently null: email");
        Response again = journeys.submit(id);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.message()).isEqualTo("Customer is already verified or under review.");
    }

    @Test
    void aRejectedBusinessIsFixedAndResubmittedAndItsApprovedChildrenAreNotReviewedAgain() {
        String id = create(Customers.COMPLETE_BUSINESS);
        List<String> owners = journeys.ownerIds(id);
        journeys.addOwnerFiles(id);
        String certificate = journeys.addFormationDocument(id);
        journeys.submit(id);
        journeys.decideChild(id, "owners", owners.get(0), "approve", null);
        journeys.decideChild(id, "documents", certificate, "reject", "The certificate is cut off");
        Response refused = journeys.admin("/admin/v1/customers/" + id + "/approve", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.message()).isEqualTo("A customer cannot be approved while one of its owners or documents is rejected.");

        JsonNode rejected = journeys.decide(id, "reject", "Please upload the whole certificate").data();

        assertThat(rejected.get("verification_status").stringValue()).isEqualTo("REJECTED");
        JsonNode customer = journeys.customer(id);
        assertThat(statuses(customer.get("owners"))).as("approved kept, the one under review reopened")
                .containsExactly("APPROVED", "PENDING");
        JsonNode document = customer.get("documents").get(0);
        assertThat(document.get("status").stringValue()).isEqualTo("REJECTED");
        assertThat(document.get("admin_comments").get(0).stringValue()).isEqualTo("The certificate is cut off");
        assertThat(customer.get("recent_comments").get(0).get("comment").stringValue())
                .isEqualTo("Please upload the whole certificate");

        Response fixed = api.put(PATH + id + "/document/" + certificate, tenant.token(),
                Json.object("file_id", journeys.uploadDocumentFile(id, Journeys.PDF)));
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(fixed.data().get("status").stringValue()).isEqualTo("PENDING");
        assertThat(fixed.data().get("admin_comments").isNull()).isTrue();

        JsonNode resubmitted = journeys.submit(id).data();
        assertThat(resubmitted.get("verification_status").stringValue()).isEqualTo("PROCESSING");
        assertThat(statuses(resubmitted.get("owners"))).containsExactly("APPROVED", "PROCESSING");
        assertThat(statuses(resubmitted.get("documents"))).containsExactly("PROCESSING");
        journeys.decide(id, "approve", null);
        assertThat(journeys.status(id)).isEqualTo("VERIFIED");
    }

    @Test
    void everyReachableGapOfABusinessIsNamedAndNothingChanges() {
        String id = create(Json.with(Customers.COMPLETE_BUSINESS, "owners", List.of(
                Map.of("first_name", "Jane", "last_name", "Doe", "ownership_percentage", 60, "id_document_type", "passport"),
                Map.of("first_name", "John", "last_name", "Roe", "ownership_percentage", 30,
                        "id_document_type", "drivers_license"))));
        List<String> owners = journeys.ownerIds(id);
        assertGap(id, "Cannot verify business customer: at least one formation document is required.");
        journeys.addFormationDocument(id);
        assertGap(id, "Cannot verify business customer: ownership_percentage of all owners must sum to 100%, "
                + "but currently sums to 90%.");
        update(id, Json.object("owners", List.of(Map.of("id", owners.get(1), "ownership_percentage", 40,
                "email", "same@acme.example"), Map.of("id", owners.get(0), "email", "SAME@acme.example"))));
        assertGap(id, "Cannot verify business customer: owner emails must be unique within the customer.");
        update(id, Json.object("owners", List.of(Map.of("id", owners.get(0), "email", "jane@acme.example"))));
        assertGap(id, "Cannot verify business customer: owner Jane Doe is missing id_document_front.");
        attach(id, owners.get(0), "id_document_front", "id_document_back");
        assertGap(id, "Cannot verify business customer: owner Jane Doe id_document_type=passport must not have id_document_back.");
        update(id, Json.object("owners", List.of(Map.of("id", owners.get(0), "id_document_type", "id_card"))));
        attach(id, owners.get(1), "id_document_front");
        assertGap(id, "Cannot verify business customer: owner John Roe id_document_type=drivers_license requires id_document_back.");
        attach(id, owners.get(1), "id_document_back");

        assertThat(journeys.submit(id).status()).isEqualTo(200);
    }

    @Test
    void aBusinessCreatedWithoutAnAddressOnTheAllaweeFaceIsToldWhatIsMissing() {
        Response created = api.post("/customers", tenant.apiKey(),
                Json.object("name", "Quiet Ltd", "reference", "ref-quiet", "type", "business"));
        String id = api.get("/api/external/customer?type=business", tenant.token()).data().get(0).get("id").stringValue();
        assertThat(created.status()).isEqualTo(201);

        assertGap(id, "Cannot verify business customer: country must be a valid ISO 3166-1 alpha-2 country code.");
        api.put("/customers/" + created.data().get("id").stringValue(), tenant.apiKey(), Json.object("claims", Map.of(
                "businessAddress", Map.of("countryCode", "NG", "city", "Lagos", "addressLineOne", "1 Marina Road"))));
        assertGap(id, "Cannot verify business customer: registration_number is required.");
    }

    @Test
    void anIndividualNeedsItsIdentityFileAndGoesToReviewWithIt() {
        String id = create(Customers.INDIVIDUAL);
        assertGap(id, "Cannot verify individual customer: id_file is required.");

        journeys.rejectIndividual(id, "The photo is blurred");
        assertThat(journeys.status(id)).isEqualTo("REJECTED");
        assertThat(journeys.customer(id).get("recent_comments").get(0).get("comment").stringValue())
                .isEqualTo("The photo is blurred");

        Response resubmitted = journeys.submit(id);
        assertThat(resubmitted.status()).isEqualTo(200);
        assertThat(resubmitted.data().get("verification_status").stringValue()).isEqualTo("PROCESSING");
        assertThat(resubmitted.data().get("owners")).isEmpty();
        assertThat(resubmitted.data().get("documents")).isEmpty();
    }

    @Test
    void autoVerifyApprovesABusinessAndEveryPendingAndRejectedChild() {
        String id = create(Customers.COMPLETE_BUSINESS);
        List<String> owners = journeys.ownerIds(id);
        journeys.submitBusiness(id);
        journeys.decideChild(id, "owners", owners.get(1), "reject", "Licence expired");
        journeys.decide(id, "reject", "See the owners");
        tenants.changeSettings(tenant, "{\"auto_verify_business_customers\": true}");

        JsonNode verified = journeys.submit(id).data();

        assertThat(verified.get("verification_status").stringValue()).isEqualTo("VERIFIED");
        assertThat(statuses(verified.get("owners"))).containsExactly("APPROVED", "APPROVED");
        assertThat(statuses(verified.get("documents"))).containsExactly("APPROVED");
        assertThat(reviewQueueIds()).doesNotContain(id);
    }

    @Test
    void autoVerifyOfIndividualsVerifiesOnTheIdentityFile() {
        tenants.changeSettings(tenant, "{\"auto_verify_individuals\": true}");
        String id = create(Customers.INDIVIDUAL);

        journeys.sendIndividualToReview(id);

        assertThat(journeys.status(id)).isEqualTo("VERIFIED");
    }

    @Test
    void aMinimalBusinessNeedsNoOwners() {
        tenants.changeSettings(tenant, "{\"minimal_kyb_allowed\": true}");
        String id = create(Json.without(Customers.BUSINESS, "owners"));
        journeys.addFormationDocument(id);

        Response submitted = journeys.submit(id);

        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.data().get("kyb_scope").stringValue()).isEqualTo("MINIMAL");
        assertThat(reviewQueueIds()).contains(id);
    }

    @Test
    void anUnknownCustomerCannotBeSubmitted() {
        Response response = journeys.submit("01a1fc98-c780-7086-a3be-c27012f8b5ae");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.message()).isEqualTo("Customer not found");
    }

    private void assertGap(String id, String message) {
        JsonNode before = journeys.customerWithoutLinks(id);
        Response response = journeys.submit(id);
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.message()).isEqualTo(message);
        assertThat(response.json().get("status").booleanValue()).isFalse();
        assertThat(journeys.customerWithoutLinks(id)).as("nothing changed").isEqualTo(before);
    }

    private void attach(String id, String owner, String... slots) {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        for (String slot : slots) {
            files.put(slot, journeys.uploadOwnerFile(id, owner, slot, Journeys.JPEG));
        }
        Response response = api.post(PATH + id + "/owner/" + owner + "/files", tenant.token(), Json.write(files));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private void update(String id, String body) {
        Response response = api.put(PATH + id, tenant.token(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private List<String> reviewQueueIds() {
        return api.get("/admin/v1/review-queue?platform_id=" + tenant.platformId(), ADMIN_TOKEN).data().valueStream()
                .map(entry -> entry.get("id").stringValue()).toList();
    }

    private String create(String body) {
        Response response = api.post("/api/external/customer", tenant.token(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.data().get("id").stringValue();
    }

    private static List<String> statuses(JsonNode children) {
        return children.valueStream().map(child -> child.get("status").stringValue()).toList();
    }
}
