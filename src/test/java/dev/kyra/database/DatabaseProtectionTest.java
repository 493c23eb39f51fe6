package dev.kyra.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.kyra.support.KyraInstance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded PostgreSQL opens to nobody but Kyra: a password on every line, loopback, owner-only files. */
@Tag("standalone")
class DatabaseProtectionTest {

    @TempDir
    Path dataDir;

    @Test
    void aConnectionWithoutTheRightPasswordIsRefused() throws Exception {
        try (KyraInstance kyra = KyraInstance.start(dataDir, Map.of())) {
            String url = ((HikariDataSource) kyra.bean(DataSource.class)).getJdbcUrl();
            String password = Files.readString(dataDir.resolve("postgres.password")).strip();

            assertThatThrownBy(() -> connect(url, "")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> connect(url, "not-" + password)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (Connection connection = connect(url, password)) {
                assertThat(connection.isValid(1)).as("the password Kyra keeps opens it").isTrue();
            }

            JdbcClient jdbc = kyra.bean(JdbcClient.class);
            assertThat(jdbc.sql("select current_setting('listen_addresses')").query(String.class).single())
                    .isEqualTo("localhost");
            assertThat(jdbc.sql("select current_setting('unix_socket_directories')").query(String.class).single())
                    .as("no Unix socket").isEmpty();
            assertThat(jdbc.sql("select count(*) from pg_hba_file_rules where auth_method <> 'scram-sha-256'")
                    .query(Long.class).single()).as("every rule the server applies asks for the password").isZero();
        }
        assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("postgres.password"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("postgres"))))
                .isEqualTo("rwx------");
    }

    @Test
    void aDataDirectoryFromAnOlderKyraThatTrustedEveryoneIsProtectedInPlace() throws Exception {
        Path postgresDir = dataDir.resolve("postgres");
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(postgresDir).setCleanDataDirectory(false)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start()) {
            JdbcClient old = JdbcClient.create(older.getPostgresDatabase());
            old.sql("create schema legacy").update();
            old.sql("create table legacy.kept_from_before (note text)").update();
            old.sql("insert into legacy.kept_from_before values ('still here')").update();
        }
        assertThat(Files.readString(postgresDir.resolve("pg_hba.conf"))).as("how older data directories look")
                .containsPattern("(?m)^host\\s+all\\s+all\\s+127.0.0.1/32\\s+trust");

        try (KyraInstance kyra = KyraInstance.start(dataDir, Map.of())) {
            String url = ((HikariDataSource) kyra.bean(DataSource.class)).getJdbcUrl();
            assertThatThrownBy(() -> connect(url, "")).isInstanceOf(SQLException.class);
            assertThat(kyra.bean(JdbcClient.class).sql("select note from legacy.kept_from_before").query(String.class).single())
                    .isEqualTo("still here");
            assertThat(kyra.api().get("/actuator/health", null).status()).isEqualTo(200);
        }
        assertThat(HostBasedAuthentication.trustsAnyone(postgresDir)).isFalse();

        try (KyraInstance again = KyraInstance.start(dataDir, Map.of())) {
            assertThat(again.api().get("/actuator/health", null).status()).as("the next start logs in with the password")
                    .isEqualTo(200);
        }
    }

    private static Connection connect(String url, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }
}
