package dev.kyra.database;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code kyra.data-dir} ({@code KYRA_DATA_DIR}): where the embedded PostgreSQL and local files live. */
@Validated
@ConfigurationProperties("kyra")
public record DataDirectory(@NotNull Path dataDir) {

    public Path resolve(String child) {
        return dataDir.resolve(child);
    }
}
