package dev.kyra.platform;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A key pair that signs access tokens, named by its key id ({@code kid}).
 *
 * @param algorithm the JWS algorithm: {@code ES256} for keys made now, {@code RS256} for older ones
 */
public record SigningKey(String keyId, String algorithm, PublicKey publicKey, PrivateKey privateKey) {
}
