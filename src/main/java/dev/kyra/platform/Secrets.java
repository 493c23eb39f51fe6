package dev.kyra.platform;

import dev.kyra.ids.Base58;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random secrets and their hashes. Secrets are 256 bits from a CSPRNG, so SHA-256 makes a leaked
 * hash useless without the slowness of a password hash (decision B16); comparison of hashes is
 * constant-time.
 */
public final class Secrets {

    /** 256 bits need 44 base58 digits. */
    private static final int SECRET_BYTES = 32;
    private static final int SECRET_DIGITS = 44;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base58.encodeFixed(bytes, SECRET_DIGITS);
    }

    public static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static boolean matches(String presented, byte[] expectedSha256) {
        return MessageDigest.isEqual(sha256(presented), expectedSha256);
    }
}
