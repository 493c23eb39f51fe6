package dev.kyra.database;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kyra.database.*}: an external PostgreSQL ({@code KYRA_DATABASE_URL} and its credentials), or
 * none for the embedded one; the pool's size; how often the embedded server is checked.
 */
@Validated
@ConfigurationProperties("kyra.database")
record DatabaseProperties(String url, String username, String password, @DefaultValue("16") @Positive int poolSize,
                          @DefaultValue("500ms") @NotNull Duration embeddedWatchInterval) {

    boolean external() {
        return StringUtils.hasText(url);
    }
}
