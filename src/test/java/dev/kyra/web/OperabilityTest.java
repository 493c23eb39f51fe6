package dev.kyra.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Customers;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** Request ids, request logs without personal data or secrets, health probes and API docs. */
@ExtendWith(OutputCaptureExtension.class)
class OperabilityTest extends KyraIntegrationTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void everyResponseCarriesARequestIdThatTheLogLineOfThatRequestNames(CapturedOutput output) {
        Tenant tenant = tenants.create();
        List<Response> responses = List.of(
                api.post("/api/external/customer", tenant.token(), Customers.INDIVIDUAL),
                api.get("/api/external/customer", null),
                api.get("/api/external/customer/01a1fc98-c780-7086-a3be-c27012f8b5ae", tenant.token()),
                api.post("/api/external/customer", tenant.token(), "{"),
                api.get("/admin/v1/platforms", ADMIN_TOKEN),
                api.get("/actuator/health", null),
                api.get("/no/such/path", null));

        for (Response response : responses) {
            String requestId = response.header("x-request-id");
            assertThat(requestId).as(response.toString()).matches(UUID_PATTERN);
            assertThat(output.getOut()).contains("request_id=" + requestId + " method=");
        }
        assertThat(responses.stream().map(r -> r.header("x-request-id")).distinct()).hasSize(responses.size());
    }

    @Test
    void logsCarryNoPersonalDataAndNoSecrets(CapturedOutput output) {
        Tenant tenant = tenants.create();
        String body = Json.with(Customers.INDIVIDUAL, "email", "very.private.person@example.org",
                "first_name", "Privatissimo", "id_number", "SECRET-ID-99887766", "phone", "+2348055512345");
        String id = api.post("/api/external/customer", tenant.token(), body).data().get("id").stringValue();
        api.put("/api/external/customer/" + id, tenant.token(), Json.object("email", "still.private@example.org"));
        api.post("/api/external/customer", tenant.token(), Json.with(body, "email", "bad-email-from-client"));
        api.post("/api/external/customer", tenant.token(), "{\"email\": \"in-malformed-body@example.org\"");
        api.get("/api/external/customer?email=queried.person@example.org", tenant.token());
        api.post("/api/external/customer", tenant.token(), Customers.BUSINESS);
        api.post("/api/external/customer", tenant.token(), Customers.BUSINESS); // a duplicate registration

        assertThat(output.getAll()).doesNotContain("very.private.person@example.org", "Privatissimo", "SECRET-ID-99887766",
                "+2348055512345", "still.private@example.org", "bad-email-from-client", "in-malformed-body@example.org",
                "queried.person@example.org", "RC123456", tenant.clientSecret(), tenant.token(), ADMIN_TOKEN);
    }

    @Test
    void healthHasLivenessAndReadinessProbes() {
        assertThat(api.get("/actuator/health", null).json().get("status").stringValue()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness", null).json().get("status").stringValue()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness", null).json().get("status").stringValue()).isEqualTo("UP");
    }
}
