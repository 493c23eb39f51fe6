package dev.kyra.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's side of the webhook signatures, written here apart from Kyra's signing code, so a
 * test that compares the two checks Kyra against the specs and not against itself.
 */
public final class ReceiverSignatures {

    private ReceiverSignatures() {
    }

    /** Blaaiz (spec §6.3): lower-case hex HMAC-SHA256 of {@code "{timestamp}.{body}"}, keyed with the signing secret. */
    public static String blaaiz(String secret, String timestamp, String body) {
        return hex("HmacSHA256", secret, timestamp + "." + body);
    }

    /** Allawee (spec §5.2): lower-case hex HMAC-SHA512 of the raw body, keyed with the signing key. */
    public static String allawee(String signingKey, String body) {
        return hex("HmacSHA512", signingKey, body);
    }

    private static String hex(String algorithm, String key, String signed) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
