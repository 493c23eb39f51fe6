package dev.kyra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.KyraInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's walk-throughs as a reader would paste them: every bash block of "Trying it", in
 * order, in one bash, against a Kyra started with the demo credentials the first block exports. Only
 * that first block's start command is left out (this test starts Kyra itself, on a free port). Every
 * {@code curl} fails the run on an HTTP error, so a command that stopped working fails the build.
 */
@Tag("standalone")
class ReadmeTest {

    private static final Pattern BASH_BLOCK = Pattern.compile("(?ms)^```bash\\n(.*?)^```");
    private static final Pattern EXPORTED = Pattern.compile("(KYRA_[A-Z_]+)=(\\S+)");
    private static final Map<String, String> SETTING_OF = Map.of(
            "KYRA_BOOTSTRAP_CLIENT_ID", "kyra.bootstrap.client-id",
            "KYRA_BOOTSTRAP_CLIENT_SECRET", "kyra.bootstrap.client-secret",
            "KYRA_BOOTSTRAP_API_KEY", "kyra.bootstrap.api-key",
            "KYRA_ADMIN_TOKEN", "kyra.admin-token",
            "KYRA_WEBHOOK_ALLOW_PRIVATE_TARGETS", "kyra.webhook.allow-private-targets");

    @TempDir
    Path dataDir;
    @TempDir
    Path workDir;

    @Test
    void theWalkThroughsRunAsPasted() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String walkThroughs = readme.substring(readme.indexOf("## Trying it"), readme.indexOf("## The official Blaaiz SDKs"));
        List<String> blocks = new ArrayList<>();
        Matcher block = BASH_BLOCK.matcher(walkThroughs);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertThat(blocks).as("the start block and the walk-throughs").hasSizeGreaterThan(5);

        List<String> exports = blocks.getFirst().lines().filter(line -> line.startsWith("export ")).toList();
        Map<String, String> settings = new LinkedHashMap<>();
        exports.forEach(line -> {
            Matcher exported = EXPORTED.matcher(line);
            while (exported.find()) {
                settings.put(SETTING_OF.get(exported.group(1)), exported.group(2));
            }
        });
        assertThat(settings).as("the demo credentials").hasSize(SETTING_OF.size());

        try (KyraInstance kyra = KyraInstance.start(dataDir, settings)) {
            String base = kyra.api().baseUrl();
            StringBuilder script = new StringBuilder("set -euo pipefail\n")
                    .append("curl() { command curl --fail-with-body --show-error \"$@\"; }\n");
            exports.forEach(line -> script.append(line).append('\n'));
            blocks.subList(1, blocks.size()).forEach(text -> script.append(text.replace("http://localhost:8080", base)));

            Run run = bash(script.toString());

            assertThat(run.exitCode()).as("the README's commands, run in order:\n" + run.output()).isZero();
            assertThat(run.output()).contains("\"PROCESSING\"", "\"VERIFIED\"", "NG-LA", "204", "Kyra-Sequence=1", "202");
        }
    }

    private record Run(int exitCode, String output) {
    }

    private Run bash(String script) throws IOException, InterruptedException {
        Path log = workDir.resolve("readme.log");
        Process process = new ProcessBuilder("bash", "-c", script).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Run(-1, Files.readString(log, StandardCharsets.UTF_8) + "\n(timed out)");
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
