package dev.kyra.platform;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** A stored OAuth client: the hash of its secret, never the secret. */
public record OAuthClient(String clientId, byte[] secretSha256, Tenant tenant, List<String> scopes, Instant createdAt,
                          Instant revokedAt) {

    /**
     * Names the client's current secret, and goes into every token issued with it: rotating the
     * secret changes it, which is how tokens of the old secret stop working. A hash of the stored
     * hash, shortened, it tells nothing about the secret.
     */
    public String secretFingerprint() {
        return HexFormat.of().formatHex(Secrets.sha256(HexFormat.of().formatHex(secretSha256)), 0, 12);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
