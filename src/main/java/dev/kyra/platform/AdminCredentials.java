package dev.kyra.platform;

import dev.kyra.database.Timestamps;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The operator's token for the admin API. When {@code KYRA_ADMIN_TOKEN} is set, that token and only
 * that token is accepted. Otherwise Kyra generates one on first start, prints it once, and keeps
 * only its hash.
 */
@Service
public class AdminCredentials {

    private static final String GENERATED = "generated-admin-token";

    private final JdbcClient jdbc;
    private final Optional<byte[]> configuredTokenHash;
    private final Clock clock;
    private volatile byte[] generatedTokenHash;

    AdminCredentials(JdbcClient jdbc, PlatformProperties settings, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.configuredTokenHash = settings.hasAdminToken()
                ? Optional.of(Secrets.sha256(settings.adminToken())) : Optional.empty();
    }

    public boolean accepts(String presentedToken) {
        byte[] expected = configuredTokenHash.orElseGet(this::generatedTokenHash);
        return expected != null && Secrets.matches(presentedToken, expected);
    }

    /** Generates and stores a token unless one is configured or stored; returns it for printing. */
    Optional<String> generateIfAbsent() {
        if (configuredTokenHash.isPresent() || generatedTokenHash() != null) {
            return Optional.empty();
        }
        String token = Secrets.newSecret();
        int inserted = jdbc.sql("insert into admin_credentials (name, token_sha256, created_at) values (:name, :hash, :at) "
                        + "on conflict (name) do nothing")
                .param("name", GENERATED)
                .param("hash", Secrets.sha256(token))
                .param("at", Timestamp.from(Timestamps.now(clock)))
                .update();
        generatedTokenHash = null;
        return inserted == 1 ? Optional.of(token) : Optional.empty();
    }

    private byte[] generatedTokenHash() {
        byte[] hash = generatedTokenHash;
        if (hash == null) {
            hash = jdbc.sql("select token_sha256 from admin_credentials where name = :name")
                    .param("name", GENERATED).query(byte[].class).optional().orElse(null);
            generatedTokenHash = hash;
        }
        return hash;
    }
}
