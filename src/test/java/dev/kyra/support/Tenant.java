package dev.kyra.support;

/**
 * A platform made for one test, with credentials for both faces in one mode.
 *
 * @param token a Blaaiz-face access token with every scope the client was given
 * @param apiKey an Allawee-face API key with every scope
 */
public record Tenant(String platformId, String clientId, String clientSecret, String mode, String token, String apiKey) {
}
