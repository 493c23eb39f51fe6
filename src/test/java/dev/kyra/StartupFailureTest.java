package dev.kyra;

import static dev.kyra.support.ChildProcesses.freePort;
import static dev.kyra.support.ChildProcesses.javaCommand;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.kyra.support.KyraInstance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Kyra that cannot start says why in one line, naming what and where, and exits with a failure:
 * no stack trace, no chain of "Caused by", no second telling of the same failure.
 */
@Tag("standalone")
class StartupFailureTest {

    @TempDir
    Path dataDir;

    @Test
    void anUnreachableDatabase() throws Exception {
        int closedPort = freePort();
        String line = failedStart(Map.of("kyra.database.url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/kyra",
                "kyra.database.username", "kyra", "kyra.database.password", "secret-password"));
        assertThat(line).contains("cannot reach the database at jdbc:postgresql://127.0.0.1:" + closedPort + "/kyra")
                .contains("KYRA_DATABASE_URL").doesNotContain("secret-password");
    }

    @Test
    void aWrongDatabasePassword() throws Exception {
        try (KyraInstance running = KyraInstance.start(dataDir.resolve("running"), Map.of())) {
            HikariDataSource database = (HikariDataSource) running.bean(DataSource.class);
            String line = failedStart(Map.of("kyra.database.url", database.getJdbcUrl(),
                    "kyra.database.username", database.getUsername(), "kyra.database.password", "not-the-password"));
            assertThat(line).contains("the database at " + database.getJdbcUrl())
                    .contains("refused the user or password (KYRA_DATABASE_USERNAME, KYRA_DATABASE_PASSWORD)")
                    .doesNotContain("not-the-password");
        }
    }

    @Test
    void aDatabaseWithFsyncOff() throws Exception {
        try (EmbeddedPostgres unsafe = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("unsafe")).start()) {
            String line = failedStart(Map.of("kyra.database.url", unsafe.getJdbcUrl("postgres", "postgres"),
                    "kyra.database.username", "postgres", "kyra.database.password", "unused"));
            assertThat(line).contains("PostgreSQL has fsync=off");
        }
    }

    @Test
    void aPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            String line = failedStart(Map.of("server.port", Integer.toString(taken.getLocalPort())));
            assertThat(line).contains("port " + taken.getLocalPort() + " is in use").contains("SERVER_PORT");
        }
    }

    @Test
    void aSettingThatCannotBeRead() throws Exception {
        String line = failedStart(Map.of("kyra.webhook.timeout", "banana"));
        assertThat(line).contains("the setting kyra.webhook.timeout (KYRA_WEBHOOK_TIMEOUT) 'banana' cannot be read")
                .contains("not a valid duration");
    }

    @Test
    void aSettingOutOfRange() throws Exception {
        String line = failedStart(Map.of("kyra.webhook.max-attempts", "0"));
        assertThat(line).contains("the setting kyra.webhook.max-attempts (KYRA_WEBHOOK_MAX_ATTEMPTS) must be greater than 0, not 0");
    }

    /** Starts Kyra in a JVM of its own with these settings, expects it to fail, and returns its one error line. */
    private String failedStart(Map<String, String> settings) throws IOException, InterruptedException {
        Map<String, String> arguments = new LinkedHashMap<>(Map.of("server.port", Integer.toString(freePort()),
                "kyra.data-dir", dataDir.resolve("kyra").toString(), "kyra.admin-token", KyraInstance.ADMIN_TOKEN));
        arguments.putAll(settings);
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-cp", System.getProperty("java.class.path"),
                "dev.kyra.KyraApplication"));
        arguments.forEach((name, value) -> command.add("--" + name + "=" + value));
        Path output = dataDir.resolve("output.txt");
        Process kyra = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(kyra.waitFor(120, TimeUnit.SECONDS)).as("Kyra gave up").isTrue();
        List<String> lines = Files.readAllLines(output);
        String all = String.join("\n", lines);

        assertThat(kyra.exitValue()).as(all).isNotZero();
        List<String> errors = lines.stream().filter(line -> line.contains(" ERROR ")).toList();
        assertThat(errors).as(all).hasSize(1);
        assertThat(lines).as("no stack trace").noneMatch(line -> line.matches("\\s+at .*") || line.startsWith("Caused by"));
        assertThat(errors.getFirst()).contains("Kyra could not start: ");
        return errors.getFirst();
    }
}
