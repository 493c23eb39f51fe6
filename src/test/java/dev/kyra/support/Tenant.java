package dev.kyra.support;

/**
 * A platform made for one test, with an OAuth client and a token for it.
 *
 * @param token an access token with every scope the client was given
 */
public record Tenant(String platformId, String clientId, String clientSecret, String mode, String token) {
}
