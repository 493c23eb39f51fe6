package dev.kyra.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OAuthClientRepository {

    private static final String COLUMNS = "client_id, secret_sha256, platform_id, mode, scopes, created_at, revoked_at";

    private final JdbcClient jdbc;

    OAuthClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(OAuthClient client, Instant createdAt) {
        jdbc.sql("""
                        insert into oauth_clients (client_id, secret_sha256, platform_id, mode, scopes, created_at)
                        values (:clientId, :secret, :platformId, :mode, :scopes, :createdAt)
                        on conflict (client_id) do update
                        set secret_sha256 = excluded.secret_sha256, scopes = excluded.scopes""")
                .param("clientId", client.clientId())
                .param("secret", client.secretSha256())
                .param("platformId", client.tenant().platformId())
                .param("mode", client.tenant().mode().code())
                .param("scopes", client.scopes().toArray(String[]::new))
                .param("createdAt", Timestamp.from(createdAt))
                .update();
    }

    /** The client, revoked or not. */
    Optional<OAuthClient> find(String clientId) {
        return jdbc.sql("select " + COLUMNS + " from oauth_clients where client_id = :id")
                .param("id", clientId)
                .query(OAuthClientRepository::map)
                .optional();
    }

    List<OAuthClient> findByPlatform(UUID platformId) {
        return jdbc.sql("select " + COLUMNS + " from oauth_clients where platform_id = :id order by created_at, client_id")
                .param("id", platformId)
                .query(OAuthClientRepository::map)
                .list();
    }

    /** Replaces the secret of a platform's client that is not revoked; false when there is none. */
    boolean replaceSecret(UUID platformId, String clientId, byte[] secretSha256) {
        return jdbc.sql("""
                        update oauth_clients set secret_sha256 = :secret
                        where client_id = :clientId and platform_id = :platformId and revoked_at is null""")
                .param("secret", secretSha256).param("clientId", clientId).param("platformId", platformId)
                .update() == 1;
    }

    /** Marks a platform's client revoked; false when it has no such client. Revoking twice keeps the first time. */
    boolean revoke(UUID platformId, String clientId, Instant at) {
        return jdbc.sql("""
                        update oauth_clients set revoked_at = coalesce(revoked_at, :at)
                        where client_id = :clientId and platform_id = :platformId""")
                .param("at", Timestamp.from(at)).param("clientId", clientId).param("platformId", platformId)
                .update() == 1;
    }

    boolean existsForPlatform(UUID platformId) {
        return jdbc.sql("select exists (select 1 from oauth_clients where platform_id = :id)")
                .param("id", platformId).query(Boolean.class).single();
    }

    private static OAuthClient map(ResultSet row, int rowNumber) throws SQLException {
        Tenant tenant = new Tenant(row.getObject("platform_id", UUID.class),
                Mode.fromCode(row.getString("mode")).orElseThrow());
        List<String> scopes = Arrays.asList((String[]) row.getArray("scopes").getArray());
        Timestamp revokedAt = row.getTimestamp("revoked_at");
        return new OAuthClient(row.getString("client_id"), row.getBytes("secret_sha256"), tenant, List.copyOf(scopes),
                row.getTimestamp("created_at").toInstant(), revokedAt == null ? null : revokedAt.toInstant());
    }
}
