package dev.kyra.platform;

import dev.kyra.database.DatabaseNotifications;
import dev.kyra.database.Timestamps;
import dev.kyra.ids.UuidV7;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * OAuth clients of the Blaaiz face. Each belongs to one platform and one mode and carries a fixed set
 * of scopes; its secret is returned once, at creation or rotation, and stored only as a hash.
 *
 * <p>Rotating a secret or revoking a client ends every token issued before (spec §2.1): tokens carry
 * the fingerprint of the secret they were issued with, and each request compares it with the
 * client's current one, remembered as {@link RememberedLookups} describes.
 */
@Service
public class OAuthClientService {

    private final OAuthClientRepository clients;
    private final PlatformRepository platforms;
    /** Current secret fingerprints by client id; a revoked or unknown client is remembered as none. */
    private final RememberedLookups<String, String> fingerprints;
    private final Clock clock;

    OAuthClientService(OAuthClientRepository clients, PlatformRepository platforms, DatabaseNotifications notifications,
                       Clock clock) {
        this.fingerprints = new RememberedLookups<>(notifications, "kyra_forget_oauth_client", id -> id, true);
        this.clock = clock;
        this.clients = clients;
        this.platforms = platforms;
    }

    @Transactional
    public IssuedCredential create(UUID platformId, Mode mode, List<String> scopes) {
        platforms.require(platformId);
        return save(UuidV7.next().toString(), Secrets.newSecret(), new Tenant(platformId, mode), scopes);
    }

    /** A client that may be issued tokens: one that exists and is not revoked. */
    public Optional<OAuthClient> findActive(String clientId) {
        return clients.find(clientId).filter(client -> !client.revoked());
    }

    public List<OAuthClient> list(UUID platformId) {
        platforms.require(platformId);
        return clients.findByPlatform(platformId);
    }

    /** A new secret for the client; the old one and every token issued with it stop working. */
    @Transactional
    public IssuedCredential rotate(UUID platformId, String clientId) {
        platforms.require(platformId);
        String secret = Secrets.newSecret();
        if (!clients.replaceSecret(platformId, clientId, Secrets.sha256(secret))) {
            throw CredentialNotFoundException.oauthClient();
        }
        fingerprints.forgetAfterCommit(clientId);
        OAuthClient client = clients.find(clientId).orElseThrow();
        return new IssuedCredential(clientId, secret, client.tenant().mode(), client.scopes());
    }

    /** The client can no longer get tokens, and the tokens it has stop working. */
    @Transactional
    public void revoke(UUID platformId, String clientId) {
        platforms.require(platformId);
        if (!clients.revoke(platformId, clientId, Timestamps.now(clock))) {
            throw CredentialNotFoundException.oauthClient();
        }
        fingerprints.forgetAfterCommit(clientId);
    }

    /** The fingerprint of the client's current secret; empty when the client is revoked or unknown. */
    public Optional<String> currentSecretFingerprint(String clientId) {
        return fingerprints.get(clientId, id -> findActive(id).map(OAuthClient::secretFingerprint));
    }

    /** Creates or re-keys a client with a caller-chosen id and secret (the bootstrap client). */
    @Transactional
    IssuedCredential save(String clientId, String secret, Tenant tenant, List<String> scopes) {
        if (!OAuthScopes.areKnown(scopes)) {
            throw new IllegalArgumentException("unknown scope in " + scopes);
        }
        Instant now = Timestamps.now(clock);
        clients.upsert(new OAuthClient(clientId, Secrets.sha256(secret), tenant, List.copyOf(scopes), now, null), now);
        fingerprints.forgetAfterCommit(clientId);
        return new IssuedCredential(clientId, secret, tenant.mode(), List.copyOf(scopes));
    }

    boolean platformHasClients(UUID platformId) {
        return clients.existsForPlatform(platformId);
    }

}
