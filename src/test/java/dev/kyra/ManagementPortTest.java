package dev.kyra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.Api;
import dev.kyra.support.KyraInstance;
import dev.kyra.support.Response;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * With {@code KYRA_MANAGEMENT_PORT} set, probes, info and metrics move to that port, open to its
 * (private) network, and the main port serves none of them.
 */
@Tag("standalone")
class ManagementPortTest {

    @TempDir
    Path dataDir;

    @Test
    void probesInfoAndMetricsMoveToTheManagementPort() {
        try (KyraInstance kyra = KyraInstance.start(dataDir, Map.of("management.server.port", "0"))) {
            Api main = kyra.api();
            Api management = new Api(Integer.parseInt(kyra.bean(Environment.class).getRequiredProperty("local.management.port")));

            assertThat(main.get("/actuator/health", null).status()).isEqualTo(404);
            assertThat(main.getText("/actuator/prometheus", KyraInstance.ADMIN_TOKEN).status()).isEqualTo(404);
            assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(200);
            Response metrics = management.getText("/actuator/prometheus", null);
            assertThat(metrics.status()).as("open on the management port").isEqualTo(200);
            assertThat(metrics.body()).contains("kyra_customers{status=\"PENDING\"}");

            JsonNode info = management.get("/actuator/info", null).json();
            assertThat(info.get("build").get("version").stringValue()).isNotBlank();
            assertThat(info.get("build").get("artifact").stringValue()).isEqualTo("kyra");
            assertThat(info.at("/git/commit/id").stringValue()).as("the commit built").matches("[0-9a-f]{7,}");
        }
    }
}
