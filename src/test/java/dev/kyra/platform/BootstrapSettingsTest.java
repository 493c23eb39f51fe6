package dev.kyra.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kyra.support.KyraInstance;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A bootstrap setting Kyra cannot use stops the start before the HTTP port opens, naming the setting. */
@Tag("standalone")
@ExtendWith(OutputCaptureExtension.class)
class BootstrapSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void anApiKeyOfTheWrongShapeStopsTheStart(CapturedOutput output) {
        assertRefused(Map.of("kyra.bootstrap.api-key", "not-a-key"), "KYRA_BOOTSTRAP_API_KEY", output);
    }

    @Test
    void aLiveKeyCannotBeTheTestModeBootstrapKey(CapturedOutput output) {
        assertRefused(Map.of("kyra.bootstrap.api-key", "sk.live." + "A".repeat(40)), "KYRA_BOOTSTRAP_API_KEY", output);
    }

    @Test
    void aClientIdWithoutASecretStopsTheStart(CapturedOutput output) {
        assertRefused(Map.of("kyra.bootstrap.client-id", "lonely-client"), "KYRA_BOOTSTRAP_CLIENT_SECRET", output);
    }

    @Test
    void aShortSecretStopsTheStart(CapturedOutput output) {
        assertRefused(Map.of("kyra.bootstrap.client-id", "c", "kyra.bootstrap.client-secret", "short"),
                "KYRA_BOOTSTRAP_CLIENT_SECRET", output);
    }

    private void assertRefused(Map<String, String> settings, String named, CapturedOutput output) {
        assertThatThrownBy(() -> KyraInstance.start(dataDir, settings).close()).hasStackTraceContaining(named);
        assertThat(output.getAll()).as("the port never opened").doesNotContain("Tomcat started on port");
    }
}
