package dev.kyra.platform;

import dev.kyra.database.DatabaseNotifications;
import dev.kyra.database.Timestamps;
import dev.kyra.ids.Base58;
import dev.kyra.ids.ObjectIds;
import dev.kyra.ids.UuidV7;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys: the Allawee face's {@code sk.} keys and the Blaaiz face's legacy keys (decision B19),
 * each accepted by its own face only. A key belongs to one platform and one mode, carries fixed
 * scopes, is shown once at creation, and is stored only as its SHA-256 hash, which is also how a
 * presented key is looked up. Keys found are remembered by hash as {@link RememberedLookups} describes, which
 * is also how soon a revocation takes effect.
 */
@Service
public class ApiKeyService {

    private static final String COLUMNS = "id, face, platform_id, mode, scopes, created_at, revoked_at";

    private final JdbcClient jdbc;
    private final PlatformRepository platforms;
    /** Found keys by the hex of their hash; unknown keys are not remembered. */
    private final RememberedLookups<String, ApiKey> remembered;
    private final Clock clock;

    ApiKeyService(JdbcClient jdbc, PlatformRepository platforms, DatabaseNotifications notifications, Clock clock) {
        this.remembered = new RememberedLookups<>(notifications, "kyra_forget_api_key", hash -> hash, false);
        this.clock = clock;
        this.jdbc = jdbc;
        this.platforms = platforms;
    }

    @Transactional
    public IssuedCredential create(UUID platformId, Mode mode, List<String> scopes) {
        platforms.require(platformId);
        return save(ApiKeyFace.ALLAWEE, ApiKeyFormat.newKey(mode), new Tenant(platformId, mode), scopes);
    }

    /** A Blaaiz legacy key: every scope of the Blaaiz customer surface (decision B19), shown only now. */
    @Transactional
    public IssuedCredential createLegacy(UUID platformId, Mode mode) {
        platforms.require(platformId);
        return save(ApiKeyFace.BLAAIZ_LEGACY, ApiKeyFormat.newLegacyKey(mode), new Tenant(platformId, mode),
                OAuthScopes.ALL);
    }

    /**
     * The key a presented secret is, if it is one for this face: a key of the other face is no key
     * here. Only keys that exist are remembered.
     */
    public Optional<ApiKey> authenticate(ApiKeyFace face, String presentedKey) {
        return remembered.get(HexFormat.of().formatHex(Secrets.sha256(presentedKey)), this::lookUp)
                .filter(key -> key.face() == face);
    }

    /** The platform's keys for one face, revoked ones included; never the keys themselves. */
    public List<ApiKey> list(UUID platformId, ApiKeyFace face) {
        platforms.require(platformId);
        return jdbc.sql("select " + COLUMNS + " from api_keys where platform_id = :id and face = :face "
                        + "order by created_at, id")
                .param("id", platformId).param("face", face.code()).query(ApiKeyService::map).list();
    }

    /** The key stops working. Revoking twice keeps the first time. */
    @Transactional
    public void revoke(UUID platformId, ApiKeyFace face, String keyId) {
        platforms.require(platformId);
        byte[] hash = jdbc.sql("""
                        update api_keys set revoked_at = coalesce(revoked_at, :at)
                        where id = :id and platform_id = :platformId and face = :face
                        returning key_sha256""")
                .param("at", Timestamp.from(Timestamps.now(clock))).param("id", keyId).param("platformId", platformId)
                .param("face", face.code())
                .query(byte[].class).optional()
                .orElseThrow(CredentialNotFoundException::apiKey);
        remembered.forgetAfterCommit(HexFormat.of().formatHex(hash));
    }

    private Optional<ApiKey> lookUp(String hexHash) {
        return jdbc.sql("select " + COLUMNS + " from api_keys where key_sha256 = :hash and revoked_at is null")
                .param("hash", HexFormat.of().parseHex(hexHash))
                .query(ApiKeyService::map)
                .optional();
    }

    private static ApiKey map(ResultSet row, int n) throws SQLException {
        Timestamp revokedAt = row.getTimestamp("revoked_at");
        return new ApiKey(row.getString("id"), ApiKeyFace.fromCode(row.getString("face")),
                new Tenant(row.getObject("platform_id", UUID.class), Mode.fromCode(row.getString("mode")).orElseThrow()),
                List.copyOf(Arrays.asList((String[]) row.getArray("scopes").getArray())),
                row.getTimestamp("created_at").toInstant(), revokedAt == null ? null : revokedAt.toInstant());
    }


    /** Stores a key chosen by the caller (the bootstrap key); a key already stored is left as it is. */
    @Transactional
    IssuedCredential save(String key, Tenant tenant, List<String> scopes) {
        return save(ApiKeyFace.ALLAWEE, key, tenant, scopes);
    }

    private IssuedCredential save(ApiKeyFace face, String key, Tenant tenant, List<String> scopes) {
        boolean allawee = face == ApiKeyFace.ALLAWEE;
        if (allawee ? !ApiKeyScopes.areKnown(scopes) : !OAuthScopes.areKnown(scopes)) {
            throw new IllegalArgumentException("unknown scope in " + scopes);
        }
        if (allawee && ApiKeyFormat.modeOf(key).filter(tenant.mode()::equals).isEmpty()) {
            throw new IllegalArgumentException("an API key for " + tenant.mode().code() + " mode must look like sk."
                    + tenant.mode().code() + ".<at least 32 base58 characters>");
        }
        UUID id = UuidV7.next();
        String keyId = (allawee ? "key." : "lk.") + Base58.encodeFixed(ObjectIds.fromUuidV7(id), 17);
        jdbc.sql("""
                        insert into api_keys (id, face, key_sha256, platform_id, mode, scopes, created_at)
                        values (:id, :face, :hash, :platformId, :mode, :scopes, :createdAt)
                        on conflict (key_sha256) do nothing""")
                .param("id", keyId)
                .param("face", face.code())
                .param("hash", Secrets.sha256(key))
                .param("platformId", tenant.platformId())
                .param("mode", tenant.mode().code())
                .param("scopes", scopes.toArray(String[]::new))
                .param("createdAt", Timestamp.from(Timestamps.now(clock)))
                .update();
        return new IssuedCredential(keyId, key, tenant.mode(), List.copyOf(scopes));
    }

    boolean platformHasKeys(UUID platformId) {
        return jdbc.sql("select exists (select 1 from api_keys where platform_id = :id and face = 'allawee')")
                .param("id", platformId).query(Boolean.class).single();
    }
}
