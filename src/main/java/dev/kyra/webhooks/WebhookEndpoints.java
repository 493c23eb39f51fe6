package dev.kyra.webhooks;

import dev.kyra.database.Timestamps;
import dev.kyra.ids.UuidV7;
import dev.kyra.platform.Tenant;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platforms' webhook subscriptions. A signing key is sealed ({@link SecretSealer}) bound to its
 * endpoint and tenant, and shown only when it is issued.
 */
@Service
public class WebhookEndpoints {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** The length of a Blaaiz {@code signing_secret} (spec §6.1): 40 characters, about 238 bits. */
    private static final int BLAAIZ_SECRET_LENGTH = 40;

    private final JdbcClient jdbc;
    private final SecretSealer sealer;
    private final TargetPolicy targets;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WebhookEndpoints(JdbcClient jdbc, SecretSealer sealer, TargetPolicy targets, Clock clock) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.targets = targets;
        this.clock = clock;
    }

    /**
     * Registers the tenant's Blaaiz webhook URLs, or replaces them (decision B11): either way with a new
     * signing secret, and the old one stops at once.
     *
     * @return the new signing secret, which is not shown again
     * @throws InvalidWebhookUrlException when either URL may not receive webhooks
     */
    @Transactional
    public String registerBlaaiz(Tenant tenant, String collectionUrl, String payoutUrl) {
        String collection = checked(collectionUrl);
        String payout = checked(payoutUrl);
        String secret = newSecret();
        Instant now = Timestamps.now(clock);
        Optional<BlaaizWebhook> existing = blaaiz(tenant);
        UUID id = existing.map(BlaaizWebhook::id).orElseGet(UuidV7::next);
        jdbc.sql("""
                        insert into webhook_endpoints (id, platform_id, mode, face, url, payout_url, enabled, signing_key,
                            created_at, updated_at)
                        values (:id, :platformId, :mode, 'blaaiz', :url, :payoutUrl, true, :key, :now, :now)
                        on conflict (id) do update set url = excluded.url, payout_url = excluded.payout_url,
                            signing_key = excluded.signing_key, enabled = true, updated_at = excluded.updated_at""")
                .param("id", id).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .param("url", collection).param("payoutUrl", payout)
                .param("key", sealer.seal(secret, boundTo(tenant, id)))
                .param("now", Timestamp.from(now))
                .update();
        return secret;
    }

    public Optional<BlaaizWebhook> blaaiz(Tenant tenant) {
        return jdbc.sql("""
                        select id, url, payout_url, created_at, updated_at from webhook_endpoints
                        where platform_id = :platformId and mode = :mode and face = 'blaaiz'""")
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query((row, n) -> new BlaaizWebhook(row.getObject("id", UUID.class), row.getString("url"),
                        row.getString("payout_url"), row.getTimestamp("created_at").toInstant(),
                        row.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    /**
     * Changes the URLs given (null keeps one); the signing secret stays.
     *
     * @param id the record's id, or null for the tenant's one record
     * @throws WebhookNotFoundException when the tenant has no record, or none with that id
     */
    @Transactional
    public void updateBlaaiz(Tenant tenant, UUID id, String collectionUrl, String payoutUrl) {
        BlaaizWebhook current = blaaiz(tenant).filter(webhook -> id == null || webhook.id().equals(id))
                .orElseThrow(WebhookNotFoundException::new);
        String collection = collectionUrl == null ? current.collectionUrl() : checked(collectionUrl);
        String payout = payoutUrl == null ? current.payoutUrl() : checked(payoutUrl);
        jdbc.sql("""
                        update webhook_endpoints set url = :url, payout_url = :payoutUrl, updated_at = :now
                        where id = :id and platform_id = :platformId and mode = :mode""")
                .param("url", collection).param("payoutUrl", payout).param("now", Timestamp.from(Timestamps.now(clock)))
                .param("id", current.id()).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .update();
    }

    /** The endpoint's signing key, opened for one delivery. */
    String signingKey(Tenant tenant, UUID endpointId, byte[] sealed) {
        return sealer.open(sealed, boundTo(tenant, endpointId));
    }

    private String checked(String url) {
        return targets.registrable(url).map(Object::toString).orElseThrow(InvalidWebhookUrlException::new);
    }

    private String newSecret() {
        StringBuilder secret = new StringBuilder(BLAAIZ_SECRET_LENGTH);
        for (int i = 0; i < BLAAIZ_SECRET_LENGTH; i++) {
            secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    /** What a sealed key is bound to: the endpoint and its tenant, so it cannot be moved to another row. */
    private static String boundTo(Tenant tenant, UUID endpointId) {
        return "webhook-signing-key:" + tenant.platformId() + ":" + tenant.mode().code() + ":" + endpointId;
    }
}
