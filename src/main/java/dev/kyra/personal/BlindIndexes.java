package dev.kyra.personal;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfSet;
import dev.kyra.database.Timestamps;
import dev.kyra.platform.Tenant;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Blind indexes: a keyed HMAC-SHA256 of a sealed value, so equality look-ups and unique indexes work
 * on values the database never sees. The key is its own (one per installation, wrapped by the master
 * key in {@code personal_data_keys}), and the tenant and field are hashed with the value, so the same
 * passport number gives unrelated digests in two platforms. Loading it at start-up is also the check
 * that the master key file is the one this database was sealed with.
 */
@Component
public class BlindIndexes {

    static final String NAME = "blind-index";
    private static final int DIGEST_BYTES = 16;

    private final PrfSet prf;

    BlindIndexes(MasterKeys masterKeys, JdbcClient jdbc, Clock clock) {
        this.prf = Tink.primitive(keyset(masterKeys, jdbc, clock), PrfSet.class);
    }

    private static KeysetHandle keyset(MasterKeys masterKeys, JdbcClient jdbc, Clock clock) {
        try {
            KeysetHandle fresh = KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF);
            WrappedKey wrapped = masterKeys.wrap(fresh, boundTo());
            // the first node to start makes it; every other reads that one
            jdbc.sql("""
                            insert into personal_data_keys (name, master_key_id, wrapped, created_at)
                            values (:name, :master, :wrapped, :now) on conflict (name) do nothing""")
                    .param("name", NAME).param("master", wrapped.masterKeyId()).param("wrapped", wrapped.bytes())
                    .param("now", Timestamp.from(Timestamps.now(clock))).update();
            WrappedKey stored = jdbc.sql("select master_key_id, wrapped from personal_data_keys where name = :name")
                    .param("name", NAME)
                    .query((row, n) -> new WrappedKey(row.getString("master_key_id"), row.getBytes("wrapped"))).single();
            return masterKeys.unwrap(stored, boundTo());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the blind-index key", e);
        }
    }

    static String boundTo() {
        return "kyra:" + NAME;
    }

    /** The digest of a value of {@code field} in the tenant, as base64: what is stored and compared. */
    public String of(Tenant tenant, String field, String value) {
        byte[] input = (tenant.platformId() + "/" + tenant.mode().code() + "/" + field + "/" + value)
                .getBytes(StandardCharsets.UTF_8);
        try {
            return Base64.getEncoder().withoutPadding().encodeToString(prf.computePrimary(input, DIGEST_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 failed", e);
        }
    }
}
