package dev.kyra.platform;

import java.util.List;

/** A stored OAuth client: the hash of its secret, never the secret. */
public record OAuthClient(String clientId, byte[] secretSha256, Tenant tenant, List<String> scopes) {
}
