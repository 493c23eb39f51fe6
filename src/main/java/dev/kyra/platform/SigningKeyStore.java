package dev.kyra.platform;

import dev.kyra.database.Timestamps;
import dev.kyra.ids.UuidV7;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keys that sign access tokens, kept in the database so that tokens survive a restart and every
 * node of a cluster signs and verifies alike. The first call creates a key; a transaction-scoped
 * advisory lock makes concurrent first starts agree on one.
 */
@Service
public class SigningKeyStore {

    private static final long CREATE_LOCK = 0x6B797261_0001L;
    private static final int RSA_BITS = 2048;

    private final JdbcClient jdbc;

    SigningKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every stored key, newest first: the first signs, all verify. */
    @Transactional
    public List<SigningKey> keys() {
        List<SigningKey> keys = load();
        if (!keys.isEmpty()) {
            return keys;
        }
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CREATE_LOCK).query().singleRow();
        keys = load();
        if (keys.isEmpty()) {
            insert(generate());
            keys = load();
        }
        return keys;
    }

    private List<SigningKey> load() {
        return jdbc.sql("select key_id, private_key, public_key from jwt_signing_keys order by created_at desc, key_id desc")
                .query((row, n) -> decode(row.getString("key_id"), row.getBytes("public_key"), row.getBytes("private_key")))
                .list();
    }

    private void insert(SigningKey key) {
        jdbc.sql("insert into jwt_signing_keys (key_id, private_key, public_key, created_at) values (:id, :private, :public, :at)")
                .param("id", key.keyId())
                .param("private", key.privateKey().getEncoded())
                .param("public", key.publicKey().getEncoded())
                .param("at", Timestamp.from(Timestamps.now()))
                .update();
    }

    private static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            KeyPair pair = generator.generateKeyPair();
            return new SigningKey(UuidV7.next().toString(), (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate an RSA key", e);
        }
    }

    private static SigningKey decode(String keyId, byte[] publicKey, byte[] privateKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            return new SigningKey(keyId,
                    (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(publicKey)),
                    (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + keyId + " cannot be decoded", e);
        }
    }
}
