package dev.kyra.face.admin;

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
import tools.jackson.databind.JsonNode;

/** The reviewers' API under {@code /admin/v1}: queue, full record, decisions, tiers, history. */
class AdminReviewApiTest extends KyraIntegrationTest {

    private static final String CUSTOMERS = "/admin/v1/customers/";

    private Tenant tenant;
    private Journeys journeys;

    @BeforeEach
    void newTenant() {
        tenant = tenants.create();
        journeys = new Journeys(api, tenant);
    }

    @Test
    void theQueueHoldsCustomersUnderReviewAndPendingTiersOldestFirst() {
        String untouched = createBlaaiz(Customers.INDIVIDUAL);
        String first = createBlaaiz(Json.with(Customers.INDIVIDUAL, "email", "first@example.com", "id_number", "N-1"));
        journeys.sendIndividualToReview(first);
        String allawee = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();
        String tiered = blaaizIdOf("ciroma@gmail.com");

        List<JsonNode> mine = queue();

        assertThat(mine.stream().map(entry -> entry.get("id").stringValue())).containsExactly(first, tiered);
        assertThat(api.get("/admin/v1/review-queue?limit=1", ADMIN_TOKEN).data()).hasSize(1);
        assertThat(api.get("/admin/v1/review-queue?platform_id=" + tenants.create().platformId(), ADMIN_TOKEN).data())
                .as("another platform's queue").isEmpty();
        JsonNode underReview = mine.get(0);
        assertThat(underReview.get("mode").stringValue()).isEqualTo("test");
        assertThat(underReview.get("verification_status").stringValue()).isEqualTo("PROCESSING");
        assertThat(underReview.get("name").stringValue()).isEqualTo("John Doe");
        assertThat(underReview.get("pending_tiers")).isEmpty();
        assertThat(mine.get(1).get("pending_tiers")).isEqualTo(Json.tree("[\"tier-1\"]"));
        assertThat(mine.get(1).get("verification_status").stringValue()).isEqualTo("PENDING");
        assertThat(queue().stream().map(entry -> entry.get("id").stringValue())).doesNotContain(untouched);

        journeys.decide(first, "approve", null);
        api.post(CUSTOMERS + tiered + "/tiers/tier-1/verify", ADMIN_TOKEN, "");
        assertThat(queue().stream().map(entry -> entry.get("id").stringValue())).doesNotContain(first, tiered);
        assertThat(api.get("/customers/" + allawee, tenant.apiKey()).data().get("verifications"))
                .isEqualTo(Json.tree("[{\"type\": \"tier-1\", \"status\": \"verified\"}]"));
    }

    @Test
    void theFullRecordShowsEveryOwnerDocumentAndFileWithWorkingLinks() {
        String id = createBlaaiz(Customers.COMPLETE_BUSINESS);
        journeys.addOwnerFiles(id);
        journeys.addFormationDocument(id);

        JsonNode record = api.get(CUSTOMERS + id, ADMIN_TOKEN).data();

        assertThat(record.get("id").stringValue()).isEqualTo(id);
        assertThat(record.get("platform_id").stringValue()).isEqualTo(tenant.platformId());
        assertThat(record.get("profile").get("business_name").stringValue()).isEqualTo("Acme Corp");
        assertThat(record.get("owners")).hasSize(2);
        JsonNode john = record.get("owners").get(1);
        assertThat(john.get("profile").get("first_name").stringValue()).isEqualTo("John");
        assertThat(download(john.get("id_document_front").get("download_url").stringValue())).isEqualTo(Journeys.JPEG);
        assertThat(download(john.get("id_document_back").get("download_url").stringValue())).isEqualTo(Journeys.PNG);
        assertThat(record.get("owners").get(0).get("id_document_back").isNull()).isTrue();
        JsonNode document = record.get("documents").get(0);
        assertThat(document.get("type").stringValue()).isEqualTo("CERTIFICATE_OF_INCORPORATION");
        assertThat(download(document.get("file").get("download_url").stringValue())).isEqualTo(Journeys.PDF);
    }

    @Test
    void decisionsNeedTheRightStateAndRejectionsAComment() {
        String id = createBlaaiz(Customers.COMPLETE_BUSINESS);
        String jane = journeys.ownerIds(id).get(0);
        assertRefused(journeys.admin(CUSTOMERS + id + "/approve", null), 409, "conflict",
                "Only a customer under review can be approved; this one is PENDING.");
        assertRefused(journeys.admin(CUSTOMERS + id + "/owners/" + jane + "/approve", null), 409, "conflict",
                "Only an owner under review can be approved; this one is PENDING.");
        journeys.submitBusiness(id);
        assertRefused(journeys.admin(CUSTOMERS + id + "/reject", null), 422, "validation-error",
                "comment is required: tell the platform what to fix.");
        assertRefused(journeys.admin(CUSTOMERS + id + "/owners/" + jane + "/reject", "  "), 422, "validation-error",
                "comment is required: tell the platform what to fix.");
        assertRefused(journeys.admin(CUSTOMERS + id + "/reject", "x".repeat(2001)), 422, "validation-error",
                "comment must be a string of at most 2000 characters.");
        assertRefused(api.post(CUSTOMERS + id + "/reject", ADMIN_TOKEN, "{\"comment\": 5}"), 400, "invalid-request",
                "comment must be a string.");
        assertRefused(api.post(CUSTOMERS + id + "/reject", ADMIN_TOKEN, "{\"comment\": \"Blurred\", \"reason\": 1}"), 400,
                "invalid-request", "Unknown field reason; the fields are comment.");
        assertRefused(journeys.admin(CUSTOMERS + id + "/owners/01a1fc98-c780-7086-a3be-c27012f8b5ae/approve", null), 404,
                "not-found", "Owner not found.");
        assertRefused(journeys.admin(CUSTOMERS + id + "/documents/nope/approve", null), 404, "not-found",
                "Document not found.");
        assertRefused(journeys.admin(CUSTOMERS + id + "/owners/" + jane + "/bless", null), 404, "not-found",
                "No such decision: use approve or reject.");
        assertRefused(journeys.admin(CUSTOMERS + "01a1fc98-c780-7086-a3be-c27012f8b5ae/approve", null), 404, "not-found",
                "Customer not found.");
        assertThat(journeys.status(id)).isEqualTo("PROCESSING");

        journeys.decideChild(id, "owners", jane, "reject", "Expired passport");
        assertRefused(journeys.admin(CUSTOMERS + id + "/owners/" + jane + "/approve", null), 409, "conflict",
                "Only an owner under review can be approved; this one is REJECTED.");
        JsonNode owner = api.get(CUSTOMERS + id, ADMIN_TOKEN).data().get("owners").get(0);
        assertThat(owner.get("status").stringValue()).isEqualTo("REJECTED");
        assertThat(owner.get("admin_comments")).isEqualTo(Json.tree("[\"Expired passport\"]"));
    }

    @Test
    void theHistoryRecordsEveryTransitionAndChange() {
        String id = createBlaaiz(Customers.INDIVIDUAL);
        api.put("/api/external/customer/" + id, tenant.token(), Json.object("phone", "+2348098765432"));
        journeys.rejectIndividual(id, "Blurred photo");

        JsonNode history = api.get(CUSTOMERS + id + "/history", ADMIN_TOKEN).data();

        List<String> lines = history.valueStream().map(entry -> String.join(" ", entry.get("sequence").asString(),
                entry.get("actor").stringValue(), entry.get("type").stringValue(), entry.get("subject").stringValue(),
                String.valueOf(entry.get("from").stringValue()), String.valueOf(entry.get("to").stringValue()),
                String.valueOf(entry.get("comment").stringValue()))).toList();
        String client = "oauth-client:" + tenant.clientId();
        assertThat(lines).containsExactly(
                "1 " + client + " customer.created customer null null null",
                "2 " + client + " customer.profile_changed customer null null null",
                "3 " + client + " files.attached customer null null null",
                "4 " + client + " customer.status_changed customer PENDING PROCESSING null",
                "5 admin-token customer.status_changed customer PROCESSING REJECTED Blurred photo");
        assertThat(history.get(1).get("changes")).as("a phone is personal: masked, and it was not set before")
                .isEqualTo(Json.tree("[{\"field\": \"phone\", \"from\": null, \"to\": \"***\"}]"));
        assertThat(history.get(0).get("at").stringValue()).isLessThanOrEqualTo(history.get(4).get("at").stringValue());
        assertThat(history.toString()).as("personal values never reach the history").doesNotContain("+2348098765432")
                .doesNotContain("john.doe@company.com").doesNotContain("6733823632872");
    }

    @Test
    void tiersAreVerifiedOrFailedOnlyWhilePendingAndMayBeAskedForAgainAfterFailing() {
        String allawee = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();
        String id = blaaizIdOf("ciroma@gmail.com");

        JsonNode failed = api.post(CUSTOMERS + id + "/tiers/tier-1/fail", ADMIN_TOKEN, "").data();

        assertThat(failed.get("verifications")).isEqualTo(Json.tree("[{\"tier\": \"tier-1\", \"status\": \"failed\", \"updated_at\": "
                + failed.get("verifications").get(0).get("updated_at") + "}]"));
        assertRefused(api.post(CUSTOMERS + id + "/tiers/tier-1/verify", ADMIN_TOKEN, ""), 409, "conflict",
                "Only a pending tier can be verified; tier-1 is failed.");
        assertRefused(api.post(CUSTOMERS + id + "/tiers/tier-2/verify", ADMIN_TOKEN, ""), 409, "conflict",
                "Only a pending tier can be verified; tier-2 is not requested.");
        assertRefused(api.post(CUSTOMERS + id + "/tiers/tier-9/verify", ADMIN_TOKEN, ""), 404, "not-found", "Tier not found.");

        Response again = api.put("/customers/" + allawee, tenant.apiKey(), Json.object("verifications", List.of("tier-1")));
        assertThat(again.data().get("verifications")).isEqualTo(Json.tree("[{\"type\": \"tier-1\", \"status\": \"pending\"}]"));
        api.post(CUSTOMERS + id + "/tiers/tier-1/verify", ADMIN_TOKEN, "");
        Response verifiedStays = api.put("/customers/" + allawee, tenant.apiKey(), Json.object("verifications", List.of("tier-1")));
        assertThat(verifiedStays.data().get("verifications").get(0).get("status").stringValue()).isEqualTo("verified");
    }

    @Test
    void reviewersActivateAndDeactivateCustomers() {
        String allawee = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();
        String id = blaaizIdOf("ciroma@gmail.com");

        JsonNode inactive = journeys.admin(CUSTOMERS + id + "/deactivate", "Fraud check").data();

        assertThat(inactive.get("status").stringValue()).isEqualTo("inactive");
        assertThat(api.get("/customers/" + allawee, tenant.apiKey()).data().get("status").stringValue()).isEqualTo("inactive");
        assertThat(journeys.admin(CUSTOMERS + id + "/activate", null).data().get("status").stringValue()).isEqualTo("active");
    }

    @Test
    void onlyTheAdminTokenOpensTheReviewApi() {
        String id = createBlaaiz(Customers.INDIVIDUAL);
        for (String token : new String[] {null, tenant.token(), tenant.apiKey(), "wrong"}) {
            Response response = api.get(CUSTOMERS + id, token);
            assertThat(response.status()).as(String.valueOf(token)).isEqualTo(401);
            assertThat(api.post(CUSTOMERS + id + "/approve", token, "").status()).isEqualTo(401);
        }
        assertRefused(api.get(CUSTOMERS + "not-a-uuid", ADMIN_TOKEN), 404, "not-found", "Customer not found.");
        assertRefused(api.get("/admin/v1/review-queue?limit=0", ADMIN_TOKEN), 422, "validation-error",
                "limit must be an integer from 1 to 500.");
        assertRefused(api.get("/admin/v1/review-queue?platform_id=acme", ADMIN_TOKEN), 422, "validation-error",
                "platform_id must be a platform id (a UUID).");
    }

    private static void assertRefused(Response response, int status, String code, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("code").stringValue()).isEqualTo(code);
        assertThat(response.message()).isEqualTo(message);
    }

    private List<JsonNode> queue() {
        Response response = api.get("/admin/v1/review-queue?platform_id=" + tenant.platformId(), ADMIN_TOKEN);
        assertThat(response.status()).isEqualTo(200);
        return response.data().valueStream().toList();
    }

    private String blaaizIdOf(String email) {
        return api.get("/api/external/customer?email=" + email, tenant.token()).data().get(0).get("id").stringValue();
    }

    private byte[] download(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String createBlaaiz(String body) {
        Response response = api.post("/api/external/customer", tenant.token(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.data().get("id").stringValue();
    }
}
