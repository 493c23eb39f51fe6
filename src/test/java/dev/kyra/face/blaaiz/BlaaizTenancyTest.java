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
        String before = api.get("/api/external/customer/" + customerId, owner.token()).body();
        String path = "/api/external/customer/" + customerId;

        assertNotFound(api.get(path, stranger.token()));
        assertNotFound(api.put(path, stranger.token(), Json.object("first_name", "Mallory")));
        assertNotFound(api.put("/api/external/customer/" + businessId, stranger.token(),
                Json.object("owners", java.util.List.of(java.util.Map.of("first_name", "Mallory", "last_name", "M")))));
        assertThat(api.get("/api/external/customer", stranger.token()).data()).isEmpty();

        assertThat(api.get(path, owner.token()).body()).as("untouched").isEqualTo(before);
        assertThat(ownerCount(businessId)).isEqualTo(1);
    }

    private static void assertNotFound(Response response) {
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.message()).isEqualTo("Customer not found");
    }
}
