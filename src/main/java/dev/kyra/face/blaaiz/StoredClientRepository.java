package dev.kyra.face.blaaiz;

import dev.kyra.platform.OAuthClient;
import dev.kyra.platform.OAuthClientService;
import dev.kyra.platform.Secrets;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Presents Kyra's OAuth clients to Spring Authorization Server: client credentials only, secrets
 * sent in the form body (as the Blaaiz SDKs do) or by HTTP Basic, self-contained JWTs of 15 minutes.
 */
final class StoredClientRepository implements RegisteredClientRepository {

    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);
    /** Client settings that carry the client's tenant into token generation, saving a second lookup. */
    static final String PLATFORM_SETTING = "kyra.platform";
    static final String MODE_SETTING = "kyra.mode";
    /** The fingerprint of the secret the token is issued with: rotating the secret ends the token. */
    static final String SECRET_SETTING = "kyra.secret";

    private final OAuthClientService clients;

    StoredClientRepository(OAuthClientService clients) {
        this.clients = clients;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("clients are created through the admin API");
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    /**
     * An unknown or revoked client id gets {@link #DECOY}, not null: the authorization server then
     * compares the presented secret with the decoy's hash exactly as it would a real client's, so an
     * unknown client and a wrong secret fail the same way in the same time, and the answer's timing
     * tells an attacker nothing about which client ids exist.
     */
    @Override
    public RegisteredClient findByClientId(String clientId) {
        return clients.findActive(clientId).map(StoredClientRepository::registered).orElse(DECOY);
    }

    /**
     * A client whose secret hash is 256 random bits made at start: no secret hashes to it. It has no
     * grant type and no scope besides, so even a match could not be issued a token.
     */
    private static final RegisteredClient DECOY = RegisteredClient.withId("kyra-decoy-client")
            .clientId("kyra-decoy-client")
            .clientSecret(HexFormat.of().formatHex(Secrets.sha256(Secrets.newSecret())))
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(new AuthorizationGrantType("kyra-never-granted"))
            .build();

    private static RegisteredClient registered(OAuthClient client) {
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientSecret(HexFormat.of().formatHex(client.secretSha256()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .clientSettings(ClientSettings.builder()
                        .setting(PLATFORM_SETTING, client.tenant().platformId().toString())
                        .setting(MODE_SETTING, client.tenant().mode().code())
                        .setting(SECRET_SETTING, client.secretFingerprint())
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
                        .build())
                .build();
    }
}
