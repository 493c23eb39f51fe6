package dev.kyra.platform;

import dev.kyra.database.Timestamps;
import dev.kyra.ids.UuidV7;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * OAuth clients of the Blaaiz face. Each belongs to one platform and one mode and carries a fixed set
 * of scopes; its secret is returned once, at creation, and stored only as a hash.
 */
@Service
public class OAuthClientService {

    private final OAuthClientRepository clients;
    private final PlatformRepository platforms;

    OAuthClientService(OAuthClientRepository clients, PlatformRepository platforms) {
        this.clients = clients;
        this.platforms = platforms;
    }

    @Transactional
    public IssuedCredential create(UUID platformId, Mode mode, List<String> scopes) {
        if (platforms.find(platformId).isEmpty()) {
            throw new PlatformNotFoundException(platformId);
        }
        return save(UuidV7.next().toString(), Secrets.newSecret(), new Tenant(platformId, mode), scopes);
    }

    public Optional<OAuthClient> find(String clientId) {
        return clients.find(clientId);
    }

    /** Creates or re-keys a client with a caller-chosen id and secret (the bootstrap client). */
    @Transactional
    IssuedCredential save(String clientId, String secret, Tenant tenant, List<String> scopes) {
        if (!OAuthScopes.areKnown(scopes)) {
            throw new IllegalArgumentException("unknown scope in " + scopes);
        }
        clients.upsert(new OAuthClient(clientId, Secrets.sha256(secret), tenant, List.copyOf(scopes)), Timestamps.now());
        return new IssuedCredential(clientId, secret, tenant.mode(), List.copyOf(scopes));
    }

    boolean platformHasClients(UUID platformId) {
        return clients.existsForPlatform(platformId);
    }
}
