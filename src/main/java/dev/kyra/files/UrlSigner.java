package dev.kyra.files;

import dev.kyra.database.Timestamps;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs the URLs Kyra serves local files through: {@code <operation><file id><expiry>} under an
 * HMAC-SHA256 key kept in the database (so every node accepts every node's URLs). A URL is its own
 * authorisation, valid until its expiry; an upload URL is also single use ({@link FileRepository}).
 */
@Component
class UrlSigner {

    /** What a token allows; {@code VIEW} is a download shown in the browser rather than saved. Kept by ordinal: add at the end. */
    enum Operation { UPLOAD, DOWNLOAD, VIEW }

    /** What a valid token says. */
    record Grant(Operation operation, UUID fileId, Instant expiresAt) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int PAYLOAD_LENGTH = 1 + 16 + 8;

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile byte[] key;

    UrlSigner(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    String sign(Operation operation, UUID fileId, Instant expiresAt) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_LENGTH)
                .put((byte) operation.ordinal())
                .putLong(fileId.getMostSignificantBits()).putLong(fileId.getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond());
        return ENCODER.encodeToString(payload.array()) + "." + ENCODER.encodeToString(mac(payload.array()));
    }

    /** The grant of a token whose signature holds and which has not expired; empty otherwise. */
    Optional<Grant> verify(String token, Instant now) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (payload.length != PAYLOAD_LENGTH || !MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        int operation = buffer.get();
        UUID fileId = new UUID(buffer.getLong(), buffer.getLong());
        Instant expiresAt = Instant.ofEpochSecond(buffer.getLong());
        if (operation < 0 || operation >= Operation.values().length || !now.isBefore(expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(new Grant(Operation.values()[operation], fileId, expiresAt));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private byte[] key() {
        byte[] current = key;
        if (current == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("insert into file_url_keys (id, secret, created_at) values (1, :secret, :at) on conflict (id) do nothing")
                    .param("secret", fresh).param("at", Timestamp.from(Timestamps.now(clock))).update();
            current = jdbc.sql("select secret from file_url_keys where id = 1").query(byte[].class).single();
            key = current;
        }
        return current;
    }
}
