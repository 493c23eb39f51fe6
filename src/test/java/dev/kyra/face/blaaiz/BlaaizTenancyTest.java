package dev.kyra.face.blaaiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import dev.kyra.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Another platform's or another mode's customer is 404 on every endpoint, and is left untouched. */
class BlaaizTenancyTest extends KyraIntegrationTest {

    private Tenant owner;
    private String customerId;
    private String businessId;

    @BeforeEach
    void customersOfOneTenant() {
        owner = tenants.create();
        customerId = api.post("/api/external/customer", owner.token(), Customers.INDIVIDUAL).data().get("id").stringValue();
        businessId = api.post("/api/external/customer", owner.token(), Customers.BUSINESS).data().get("id").stringValue();
    }

    @Test
    void anotherPlatformCannotSeeOrChangeTheCustomer() {
        assertInvisibleTo(tenants.create());
    }

    @Test
    void theSamePlatformsLiveModeCannotSeeOrChangeItsTestCustomer() {
        assertInvisibleTo(tenants.withClient(owner.platformId(), "live", Tenants.ALL_SCOPES));
    }

    @Test
    void liveAndTestDataOfOnePlatformNeverCollide() {
        Tenant live = tenants.withClient(owner.platformId(), "live", Tenants.ALL_SCOPES);

        Response sameRegistrationInLive = api.post("/api/external/customer", live.token(), Customers.BUSINESS);

        assertThat(sameRegistrationInLive.status()).as("uniqueness is per mode").isEqualTo(201);
        assertThat(api.get("/api/external/customer", live.token()).data()).hasSize(1);
        assertThat(api.get("/api/external/customer", owner.token()).data()).hasSize(2);
    }

    private void assertInvisibleTo(Tenant stranger) {
        long filesBefore = jdbc.sql("select count(*) from files").query(Long.class).single();
        String before = api.get("/api/external/customer/" + customerId, owner.token()).body();
        String path = "/api/external/customer/" + customerId;

        assertNotFound(api.get(path, stranger.token()));
        assertNotFound(api.put(path, stranger.token(), Json.object("first_name", "Mallory")));
        assertNotFound(api.put("/api/external/customer/" + businessId, stranger.token(),
                Json.object("owners", java.util.List.of(java.util.Map.of("first_name", "Mallory", "last_name", "M")))));
        assertThat(api.get("/api/external/customer", stranger.token()).data()).isEmpty();
        String business = "/api/external/customer/" + businessId;
        String ownerPath = business + "/owner/" + ownerOf(businessId);
        for (Response response : java.util.List.of(
                api.post(path + "/kyc-data", stranger.token(), Json.object("city", "Mallory")),
                api.post(path + "/submit", stranger.token(), ""),
                api.post(path + "/files", stranger.token(), Json.object("id_file", customerId)),
                api.post("/api/external/file/get-presigned-url", stranger.token(),
                        Json.object("customer_id", customerId, "file_category", "identity")),
                api.post(business + "/upgrade-kyb-scope", stranger.token(), "{}"),
                api.delete(ownerPath, stranger.token()),
                api.post(ownerPath + "/file/presigned-url", stranger.token(), Json.object("file_category", "id_document_front")),
                api.post(ownerPath + "/files", stranger.token(), Json.object("id_document_front", customerId)),
                api.get(business + "/document", stranger.token()),
                api.post(business + "/document/presigned-url", stranger.token(), ""),
                api.post(business + "/document", stranger.token(), Json.object("type", "LICENSE", "name", "x", "file_id", customerId)),
                api.get("/api/external/virtual-bank-account/identification-type?customer_id=" + customerId, stranger.token()))) {
            assertNotFound(response);
        }

        assertThat(api.get(path, owner.token()).body()).as("untouched").isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from files").query(Long.class).single()).as("no upload reserved")
                .isEqualTo(filesBefore);
        assertThat(ownerCount(businessId)).isEqualTo(1);
    }

    private String ownerOf(String business) {
        return api.get("/api/external/customer/" + business, owner.token()).data().get("owners").get(0).get("id").stringValue();
    }

    private static void assertNotFound(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.message()).isEqualTo("Customer not found");
    }
}
