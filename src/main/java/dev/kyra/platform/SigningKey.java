package dev.kyra.platform;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** An RSA key pair that signs access tokens, named by its key id ({@code kid}). */
public record SigningKey(String keyId, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
}
