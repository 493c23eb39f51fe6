package dev.kyra.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kyra.support.KyraInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded PostgreSQL started while Spring reads its configuration, and handed to the data source. */
@Tag("standalone")
class EmbeddedPostgresHeadStartTest {

    @TempDir
    Path dataDir;

    @Test
    void kyraLaunchedAsMainServesFromTheServerStartedAhead() {
        try (KyraInstance kyra = KyraInstance.start(dataDir, Map.of())) {
            assertThat(kyra.bean(EmbeddedPostgresHeadStart.Started.class).taken())
                    .as("the data source took the server started ahead").isTrue();
            // had the data source started a second server, the first would hold the directory and it would fail
            assertThat(kyra.bean(JdbcClient.class).sql("select count(*) from platforms").query(Long.class).single())
                    .isNotNegative();
        }
        assertThat(dataDir.resolve("postgres").resolve("postmaster.pid")).as("stopped with Kyra").doesNotExist();
    }

    @Test
    void aServerStartedAheadForAnotherDirectoryIsStoppedAndNotUsed() throws IOException {
        Path ahead = dataDir.resolve("ahead");
        EmbeddedPostgresHeadStart.Started started = EmbeddedPostgresHeadStart.Started.begin(ahead, Duration.ofSeconds(1));

        assertThat(started.take(dataDir.resolve("elsewhere"))).isEqualTo(Optional.empty());
        assertThat(ahead.resolve("PG_VERSION")).as("it did start").exists();
        assertThat(ahead.resolve("postmaster.pid")).as("and was stopped").doesNotExist();
    }

    @Test
    void aStartThatFailedAheadFailsTheDataSourceWithItsOwnError() throws IOException {
        Path notADirectory = Files.writeString(dataDir.resolve("file"), "in the way");
        EmbeddedPostgresHeadStart.Started started =
                EmbeddedPostgresHeadStart.Started.begin(notADirectory.resolve("postgres"), Duration.ofSeconds(1));

        assertThatThrownBy(() -> started.take(notADirectory.resolve("postgres"))).isInstanceOf(IOException.class);
    }
}
