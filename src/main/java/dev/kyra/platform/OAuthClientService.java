package dev.kyra.platform;

import dev.kyra.database.Timestamps;
import dev.kyra.ids.UuidV7;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * OAuth clients of the Blaaiz face. Each belongs to one platform and one mode and carries a fixed set
 * of scopes; its secret is returned once, at creation or rotation, and stored only as a hash.
 *
 * <p>Rotating a secret or revoking a client ends every token issued before (spec §2.1): tokens carry
 * the fingerprint of the secret they were issued with, and each request compares it with the
 * client's current one. That fingerprint is remembered for a minute per client, so requests do not
 * each cost a lookup; a rotation or revocation takes effect at once on the node that made it and
 * within that minute on any other node sharing the database.
 */
@Service
public class OAuthClientService {

    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);
    private static final int MAX_REMEMBERED = 10_000;

    private record Remembered(Optional<String> fingerprint, Instant until) {
    }

    private final OAuthClientRepository clients;
    private final PlatformRepository platforms;
    private final Map<String, Remembered> fingerprints = new ConcurrentHashMap<>();

    OAuthClientService(OAuthClientRepository clients, PlatformRepository platforms) {
        this.clients = clients;
        this.platforms = platforms;
    }

    @Transactional
    public IssuedCredential create(UUID platformId, Mode mode, List<String> scopes) {
        requirePlatform(platformId);
        return save(UuidV7.next().toString(), Secrets.newSecret(), new Tenant(platformId, mode), scopes);
    }

    /** A client that may be issued tokens: one that exists and is not revoked. */
    public Optional<OAuthClient> findActive(String clientId) {
        return clients.find(clientId).filter(client -> !client.revoked());
    }

    public List<OAuthClient> list(UUID platformId) {
        requirePlatform(platformId);
        return clients.findByPlatform(platformId);
    }

    /** A new secret for the client; the old one and every token issued with it stop working. */
    @Transactional
    public IssuedCredential rotate(UUID platformId, String clientId) {
        requirePlatform(platformId);
        String secret = Secrets.newSecret();
        if (!clients.replaceSecret(platformId, clientId, Secrets.sha256(secret))) {
            throw CredentialNotFoundException.oauthClient();
        }
        AfterCommit.run(() -> fingerprints.remove(clientId));
        OAuthClient client = clients.find(clientId).orElseThrow();
        return new IssuedCredential(clientId, secret, client.tenant().mode(), client.scopes());
    }

    /** The client can no longer get tokens, and the tokens it has stop working. */
    @Transactional
    public void revoke(UUID platformId, String clientId) {
        requirePlatform(platformId);
        if (!clients.revoke(platformId, clientId, Timestamps.now())) {
            throw CredentialNotFoundException.oauthClient();
        }
        AfterCommit.run(() -> fingerprints.remove(clientId));
    }

    /** The fingerprint of the client's current secret; empty when the client is revoked or unknown. */
    public Optional<String> currentSecretFingerprint(String clientId) {
        Instant now = Instant.now();
        Remembered known = fingerprints.get(clientId);
        if (known != null && now.isBefore(known.until())) {
            return known.fingerprint();
        }
        Optional<String> fingerprint = findActive(clientId).map(OAuthClient::secretFingerprint);
        if (fingerprints.size() >= MAX_REMEMBERED) {
            fingerprints.clear();
        }
        fingerprints.put(clientId, new Remembered(fingerprint, now.plus(REMEMBERED_FOR)));
        return fingerprint;
    }

    /** Creates or re-keys a client with a caller-chosen id and secret (the bootstrap client). */
    @Transactional
    IssuedCredential save(String clientId, String secret, Tenant tenant, List<String> scopes) {
        if (!OAuthScopes.areKnown(scopes)) {
            throw new IllegalArgumentException("unknown scope in " + scopes);
        }
        Instant now = Timestamps.now();
        clients.upsert(new OAuthClient(clientId, Secrets.sha256(secret), tenant, List.copyOf(scopes), now, null), now);
        AfterCommit.run(() -> fingerprints.remove(clientId));
        return new IssuedCredential(clientId, secret, tenant.mode(), List.copyOf(scopes));
    }

    boolean platformHasClients(UUID platformId) {
        return clients.existsForPlatform(platformId);
    }

    private void requirePlatform(UUID platformId) {
        if (platforms.find(platformId).isEmpty()) {
            throw new PlatformNotFoundException(platformId);
        }
    }
}
