package dev.kyra.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses Kyra's database: the PostgreSQL at {@code KYRA_DATABASE_URL} when it is set, otherwise an
 * embedded one under {@code KYRA_DATA_DIR}. Either way the rest of the application sees one pooled
 * {@link DataSource}, and Flyway migrates it before anything else uses it. A launch of the application
 * has usually started the embedded server already ({@link EmbeddedPostgresHeadStart}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(1);

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseProperties settings, DataDirectory dataDirectory,
                          ObjectProvider<EmbeddedPostgresHeadStart.Started> headStart) throws IOException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("kyra");
        config.setMaximumPoolSize(settings.poolSize());
        // a request waits this long for a connection, then gets a 503: when the database is gone that is
        // soon (Hikari's 30 s default held every caller for half a minute), and under a burst it is long
        // enough that a busy pool is waited for (2 s shed one create in a thousand of a 32-client seed)
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        // keep row values (customer data) out of exception messages, and so out of any log line
        config.addDataSourceProperty("logServerErrorDetail", "false");
        if (settings.external()) {
            config.setJdbcUrl(settings.url());
            config.setUsername(settings.username());
            config.setPassword(settings.password());
            return new HikariDataSource(config);
        }
        Path directory = dataDirectory.resolve("postgres");
        EmbeddedPostgresHeadStart.Started started = headStart.getIfAvailable();
        Optional<EmbeddedPostgresServer> ahead = started == null ? Optional.empty() : started.take(directory);
        EmbeddedPostgresServer embedded = ahead.isPresent() ? ahead.get()
                : EmbeddedPostgresServer.start(directory, settings.embeddedWatchInterval());
        config.setJdbcUrl(embedded.jdbcUrl());
        config.setUsername(embedded.username());
        config.setPassword(embedded.password());
        return new EmbeddedDataSource(config, embedded);
    }

    /** A pool that also stops the embedded server it points at when the application context closes. */
    static final class EmbeddedDataSource extends HikariDataSource {

        private final EmbeddedPostgresServer server;

        EmbeddedDataSource(HikariConfig config, EmbeddedPostgresServer server) {
            super(config);
            this.server = server;
        }

        @Override
        public void close() {
            super.close();
            try {
                server.close();
            } catch (IOException e) {
                throw new IllegalStateException("could not stop the embedded PostgreSQL", e);
            }
        }
    }
}
