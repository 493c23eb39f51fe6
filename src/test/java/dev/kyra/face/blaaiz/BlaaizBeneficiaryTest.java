package dev.kyra.face.blaaiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Beneficiaries (spec §4.15, decision B20): none are kept, and the answers say so in Blaaiz's shapes. */
class BlaaizBeneficiaryTest extends KyraIntegrationTest {

    private Tenant tenant;
    private String customer;

    @BeforeEach
    void newCustomer() {
        tenant = tenants.create();
        customer = api.post("/api/external/customer", tenant.token(), Customers.INDIVIDUAL).data().get("id").stringValue();
    }

    @Test
    void aCustomerHasNoBeneficiariesAndNoneCanBeFound() {
        Response list = api.get("/api/external/customer/" + customer + "/beneficiary", tenant.token());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).isEqualTo(Json.parse(
                "{\"status\": true, \"message\": \"Beneficiaries retrieved successfully\", \"data\": []}"));

        Response one = api.get("/api/external/customer/" + customer + "/beneficiary/01a1fc98-c780-7086-a3be-c27012f8b5ae",
                tenant.token());
        assertThat(one.status()).isEqualTo(404);
        assertThat(one.json()).isEqualTo(Json.parse("{\"status\": false, \"message\": \"Beneficiary not found\"}"));
    }

    @Test
    void anUnknownOrOtherTenantsCustomerIs404AndTheScopeIsBeneficiaryRead() {
        Tenant other = tenants.create();
        Response foreign = api.get("/api/external/customer/" + customer + "/beneficiary", other.token());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.message()).isEqualTo("Customer not found");
        assertThat(api.get("/api/external/customer/not-a-uuid/beneficiary", tenant.token()).status()).isEqualTo(404);

        String readOnly = tenants.withClient(tenant.platformId(), "test", List.of("customer:read")).token();
        Response denied = api.get("/api/external/customer/" + customer + "/beneficiary", readOnly);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.message()).isEqualTo("Access Denied. This endpoint needs the beneficiary:read scope.");
    }
}
