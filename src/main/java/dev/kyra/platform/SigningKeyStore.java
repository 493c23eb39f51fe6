package dev.kyra.platform;

import dev.kyra.database.Timestamps;
import dev.kyra.ids.UuidV7;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keys that sign access tokens, kept in the database so that tokens survive a restart and every
 * node of a cluster signs and verifies alike. The first call creates a key; a transaction-scoped
 * advisory lock makes concurrent first starts agree on one. New keys are ES256 (P-256).
 */
@Service
public class SigningKeyStore {

    static final String ALGORITHM = "ES256";
    private static final long CREATE_LOCK = 0x6B797261_0001L;

    private final JdbcClient jdbc;
    private final Clock clock;

    SigningKeyStore(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Every stored key, newest first: the first signs, all verify. */
    @Transactional
    public List<SigningKey> keys() {
        List<SigningKey> keys = load();
        if (!keys.isEmpty() && keys.get(0).algorithm().equals(ALGORITHM)) {
            return keys;
        }
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CREATE_LOCK).query().singleRow();
        keys = load();
        if (keys.isEmpty() || !keys.get(0).algorithm().equals(ALGORITHM)) {
            insert(generate());
            keys = load();
        }
        return keys;
    }

    private List<SigningKey> load() {
        return jdbc.sql("select key_id, algorithm, private_key, public_key from jwt_signing_keys "
                        + "order by created_at desc, key_id desc")
                .query((row, n) -> decode(row.getString("key_id"), row.getString("algorithm"),
                        row.getBytes("public_key"), row.getBytes("private_key")))
                .list();
    }

    private void insert(SigningKey key) {
        jdbc.sql("""
                        insert into jwt_signing_keys (key_id, algorithm, private_key, public_key, created_at)
                        values (:id, :algorithm, :private, :public, :at)""")
                .param("id", key.keyId())
                .param("algorithm", key.algorithm())
                .param("private", key.privateKey().getEncoded())
                .param("public", key.publicKey().getEncoded())
                .param("at", Timestamp.from(Timestamps.now(clock)))
                .update();
    }

    private static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return new SigningKey(UuidV7.next().toString(), ALGORITHM, pair.getPublic(), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate a P-256 key", e);
        }
    }

    private static SigningKey decode(String keyId, String algorithm, byte[] publicKey, byte[] privateKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance(algorithm.startsWith("ES") ? "EC" : "RSA");
            return new SigningKey(keyId, algorithm, factory.generatePublic(new X509EncodedKeySpec(publicKey)),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + keyId + " cannot be decoded", e);
        }
    }
}
