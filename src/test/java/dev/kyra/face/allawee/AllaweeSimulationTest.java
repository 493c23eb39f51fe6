package dev.kyra.face.allawee;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import dev.kyra.support.Tenants;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Test mode's simulation routes for tiers (decision A5). */
class AllaweeSimulationTest extends KyraIntegrationTest {

    private Tenant tenant;
    private String customer;

    @BeforeEach
    void customerWithAPendingTier() {
        tenant = tenants.create();
        customer = api.post("/customers", tenant.apiKey(), Customers.ALLAWEE_INDIVIDUAL).data().get("id").stringValue();
    }

    @Test
    void aTestKeyVerifiesOrFailsItsOwnPendingTiers() {
        Response verified = simulate(tenant.apiKey(), "tier-1", "verify");

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("code").stringValue()).isEqualTo("success");
        assertThat(verified.data().get("id").stringValue()).isEqualTo(customer);
        assertThat(verified.data().get("verifications")).isEqualTo(Json.tree("[{\"type\": \"tier-1\", \"status\": \"verified\"}]"));

        api.put("/customers/" + customer, tenant.apiKey(), Json.object("verifications", List.of("tier-2")));
        assertThat(simulate(tenant.apiKey(), "tier-2", "fail").data().get("verifications").get(1).get("status").stringValue())
                .isEqualTo("failed");
        assertDecidedByTheKey();
    }

    @Test
    void aDecidedTierIsAChangeOfTheCustomer() {
        String before = blaaizUpdatedAt(); // microseconds: the Allawee face's milliseconds could tie

        String decided = simulate(tenant.apiKey(), "tier-1", "verify").data().get("updatedAt").stringValue();

        assertThat(blaaizUpdatedAt()).isGreaterThan(before); // same fixed-width UTC format, so text order is time order
        assertThat(api.get("/customers/" + customer, tenant.apiKey()).data().get("updatedAt").stringValue()).isEqualTo(decided);
    }

    @Test
    void onlyPendingTiersMove() {
        simulate(tenant.apiKey(), "tier-1", "verify");

        assertRefused(simulate(tenant.apiKey(), "tier-1", "fail"), 409, "conflict",
                "Only a pending tier can be failed; tier-1 is verified.");
        assertRefused(simulate(tenant.apiKey(), "tier-3", "verify"), 409, "conflict",
                "Only a pending tier can be verified; tier-3 is not requested.");
        assertRefused(simulate(tenant.apiKey(), "tier-7", "verify"), 400, "validation-error",
                "Unknown tier; use tier-1, tier-2 or tier-3.");
    }

    @Test
    void liveKeysReadOnlyKeysAndOtherTenantsCannotSimulate() {
        String live = tenants.apiKey(tenant.platformId(), "live", Tenants.ALL_KEY_SCOPES);
        assertRefused(simulate(live, "tier-1", "verify"), 403, "forbidden", "Simulation is available to test keys only.");
        String readOnly = tenants.apiKey(tenant.platformId(), "test", List.of("customers:read"));
        assertRefused(simulate(readOnly, "tier-1", "verify"), 403, "forbidden", "This key lacks the customers:write scope.");
        assertRefused(simulate(tenants.create().apiKey(), "tier-1", "verify"), 404, "not-found", "Customer not found");
        assertThat(api.get("/customers/" + customer, tenant.apiKey()).data().get("verifications").get(0).get("status")
                .stringValue()).isEqualTo("pending");
    }

    private Response simulate(String key, String tier, String decision) {
        return api.post("/simulation/customers/" + customer + "/verifications/" + tier + "/" + decision, key, "");
    }

    private static void assertRefused(Response response, int status, String code, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("code").stringValue()).isEqualTo(code);
        assertThat(response.json().get("statusCode").intValue()).isEqualTo(status);
        assertThat(response.message()).isEqualTo(message);
    }

    private String blaaizUpdatedAt() {
        return api.get("/api/external/customer/" + blaaizId(), tenant.token()).data().get("updated_at").stringValue();
    }

    private String blaaizId() {
        return api.get("/api/external/customer?email=ciroma@gmail.com", tenant.token()).data().get(0).get("id").stringValue();
    }

    /** The simulated decisions are in the customer's history, made by the key that sent them. */
    private void assertDecidedByTheKey() {
        String id = blaaizId();
        var history = api.get("/admin/v1/customers/" + id + "/history", ADMIN_TOKEN).data();
        assertThat(history.valueStream().filter(entry -> entry.get("type").stringValue().equals("tier.decided"))
                .map(entry -> entry.get("subject").stringValue() + " " + entry.get("to").stringValue()
                        + " " + entry.get("actor").stringValue().startsWith("api-key:")))
                .containsExactly("tier:tier-1 verified true", "tier:tier-2 failed true");
    }
}
