package dev.kyra.webhooks;

import dev.kyra.database.Timestamps;
import dev.kyra.ids.UuidV7;
import dev.kyra.platform.SecretSealer;
import dev.kyra.platform.Tenant;
import dev.kyra.query.AttributeTable;
import dev.kyra.query.KeysetSearch;
import dev.kyra.query.ListQuery;
import dev.kyra.query.QueryAttribute;
import dev.kyra.query.SqlFragment;
import dev.kyra.query.ValueType;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
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

    private static final String ALLAWEE_COLUMNS = """
            id, object_id, name, events, url, api_version, description, metadata, enabled, created_at, updated_at""";
    private static final String ALLAWEE_SCOPE = "platform_id = :platformId and mode = :mode and face = 'allawee' and not fallback";
    private static final String ALLAWEE_SELECT = "select " + ALLAWEE_COLUMNS + " from webhook_endpoints where " + ALLAWEE_SCOPE;
    /** What a list of Allawee webhooks filters and sorts by. */
    private static final AttributeTable ALLAWEE_ATTRIBUTES = AttributeTable.of(Map.of(
            "object_id", QueryAttribute.withBinder("object_id", ValueType.KEY, EventRecords::objectId),
            "name", QueryAttribute.required("name", ValueType.TEXT),
            "url", QueryAttribute.required("url", ValueType.TEXT),
            "events", QueryAttribute.of("events", ValueType.TEXT_LIST),
            "status", QueryAttribute.required("case when enabled then 'enabled' else 'disabled' end", ValueType.TEXT),
            "api_version", QueryAttribute.of("api_version", ValueType.TEXT),
            "created_at", QueryAttribute.required("created_at", ValueType.TIMESTAMP),
            "updated_at", QueryAttribute.required("updated_at", ValueType.TIMESTAMP)));

    private final JdbcClient jdbc;
    private final SecretSealer sealer;
    private final TargetPolicy targets;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final KeysetSearch<AllaweeWebhook> allaweeSearch;

    WebhookEndpoints(JdbcClient jdbc, SecretSealer sealer, TargetPolicy targets, Clock clock) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.targets = targets;
        this.clock = clock;
        this.allaweeSearch = new KeysetSearch<>(jdbc, ALLAWEE_COLUMNS, "webhook_endpoints", ALLAWEE_ATTRIBUTES, "id",
                "object_id", "webhook", WebhookEndpoints::allaweeWebhook);
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

    /**
     * Creates an Allawee webhook, disabled (decision A13): it takes effect once enabled.
     *
     * @param signingKey the client's own key, or null for one Kyra makes
     */
    @Transactional
    public AllaweeWebhook createAllawee(Tenant tenant, AllaweeWebhookSpec spec, String signingKey) {
        String url = checked(spec.url());
        UUID id = UuidV7.next();
        Timestamp now = Timestamp.from(Timestamps.now(clock));
        jdbc.sql("""
                        insert into webhook_endpoints (id, object_id, platform_id, mode, face, url, enabled, signing_key, name,
                            events, api_version, description, metadata, created_at, updated_at)
                        values (:id, :objectId, :platformId, :mode, 'allawee', :url, false, :key, :name, :events, :apiVersion,
                            :description, :metadata, :now, :now)""")
                .param("id", id).param("objectId", dev.kyra.ids.ObjectIds.fromUuidV7(id))
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code()).param("url", url)
                .param("key", sealer.seal(signingKey == null ? newSecret() : signingKey, boundTo(tenant, id)))
                .param("name", spec.name()).param("events", spec.events().toArray(String[]::new))
                .param("apiVersion", spec.apiVersion()).param("description", spec.description())
                .param("metadata", spec.metadata()).param("now", now)
                .update();
        return allawee(tenant, dev.kyra.ids.ObjectIds.fromUuidV7(id)).orElseThrow();
    }

    /** A page of the tenant's Allawee webhooks, by the list query language. */
    @Transactional(readOnly = true)
    public KeysetSearch.Page<AllaweeWebhook> allaweePage(Tenant tenant, ListQuery query) {
        return allaweeSearch.page(query, new SqlFragment(ALLAWEE_SCOPE,
                Map.of("platformId", tenant.platformId(), "mode", tenant.mode().code())), EventRecords::objectId);
    }

    public Optional<AllaweeWebhook> allawee(Tenant tenant, byte[] objectId) {
        return jdbc.sql(ALLAWEE_SELECT + " and object_id = :objectId")
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code()).param("objectId", objectId)
                .query(WebhookEndpoints::allaweeWebhook).optional();
    }

    /** Replaces what the client says of the webhook; its key and whether it is enabled stay. */
    @Transactional
    public AllaweeWebhook updateAllawee(Tenant tenant, byte[] objectId, AllaweeWebhookSpec spec) {
        Map<String, Object> values = new java.util.HashMap<>(); // the optional fields may be null
        values.put("url", checked(spec.url()));
        values.put("name", spec.name());
        values.put("events", spec.events().toArray(String[]::new));
        values.put("apiVersion", spec.apiVersion());
        values.put("description", spec.description());
        values.put("metadata", spec.metadata());
        changeAllawee(tenant, objectId, """
                        url = :url, name = :name, events = :events, api_version = :apiVersion, description = :description,
                        metadata = :metadata""", values);
        return allawee(tenant, objectId).orElseThrow();
    }

    /** Deletes the webhook and what it has not delivered yet; its log goes with it. */
    @Transactional
    public void deleteAllawee(Tenant tenant, byte[] objectId) {
        found(jdbc.sql("delete from webhook_endpoints where object_id = :objectId and " + ALLAWEE_SCOPE)
                .param("objectId", objectId).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .update());
    }

    @Transactional
    public AllaweeWebhook setAllaweeEnabled(Tenant tenant, byte[] objectId, boolean enabled) {
        changeAllawee(tenant, objectId, "enabled = :enabled", Map.of("enabled", enabled));
        return allawee(tenant, objectId).orElseThrow();
    }

    /** The webhook's signing key, read back (the Allawee {@code /secret}). */
    public String allaweeSecret(Tenant tenant, byte[] objectId) {
        return jdbc.sql("select id, signing_key from webhook_endpoints where object_id = :objectId and " + ALLAWEE_SCOPE)
                .param("objectId", objectId).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query((row, n) -> sealer.open(row.getBytes("signing_key"), boundTo(tenant, row.getObject("id", UUID.class))))
                .optional().orElseThrow(WebhookNotFoundException::new);
    }

    /**
     * A new signing key: the old one stops at once.
     *
     * @param signingKey the client's own, or null for one Kyra makes
     */
    @Transactional
    public String rollAllaweeSecret(Tenant tenant, byte[] objectId, String signingKey) {
        AllaweeWebhook webhook = allawee(tenant, objectId).orElseThrow(WebhookNotFoundException::new);
        String key = signingKey == null ? newSecret() : signingKey;
        changeAllawee(tenant, objectId, "signing_key = :key", Map.of("key", sealer.seal(key, boundTo(tenant, webhook.id()))));
        return key;
    }

    /**
     * Sets the URL of the tenant's default webhook (decision A16), which takes, in the Allawee envelope,
     * every event no enabled webhook of the tenant is subscribed to. Its signing key is made the first
     * time and kept after.
     *
     * @throws InvalidWebhookUrlException when the URL may not receive webhooks
     */
    @Transactional
    public DefaultWebhook setDefault(Tenant tenant, String url) {
        String checked = checked(url);
        UUID id = UuidV7.next();
        Timestamp now = Timestamp.from(Timestamps.now(clock));
        jdbc.sql("""
                        insert into webhook_endpoints (id, platform_id, mode, face, fallback, url, enabled, signing_key,
                            created_at, updated_at)
                        values (:id, :platformId, :mode, 'allawee', true, :url, true, :key, :now, :now)
                        on conflict (platform_id, mode) where fallback
                        do update set url = excluded.url, updated_at = excluded.updated_at""")
                .param("id", id).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .param("url", checked).param("key", sealer.seal(newSecret(), boundTo(tenant, id))).param("now", now)
                .update();
        return defaultWebhook(tenant).orElseThrow();
    }

    public Optional<DefaultWebhook> defaultWebhook(Tenant tenant) {
        return jdbc.sql("""
                        select id, url, signing_key from webhook_endpoints
                        where platform_id = :platformId and mode = :mode and fallback""")
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query((row, n) -> new DefaultWebhook(row.getString("url"),
                        sealer.open(row.getBytes("signing_key"), boundTo(tenant, row.getObject("id", UUID.class)))))
                .optional();
    }

    /**
     * A new signing key for the default webhook: the old one stops at once.
     *
     * @throws WebhookNotFoundException when the tenant has no default webhook
     */
    @Transactional
    public DefaultWebhook rollDefaultSecret(Tenant tenant) {
        UUID id = jdbc.sql("select id from webhook_endpoints where platform_id = :platformId and mode = :mode and fallback")
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query(UUID.class).optional().orElseThrow(WebhookNotFoundException::new);
        jdbc.sql("update webhook_endpoints set signing_key = :key, updated_at = :now where id = :id")
                .param("key", sealer.seal(newSecret(), boundTo(tenant, id)))
                .param("now", Timestamp.from(Timestamps.now(clock))).param("id", id)
                .update();
        return defaultWebhook(tenant).orElseThrow();
    }

    /** Removes the default webhook and what it has not delivered yet; idempotent. */
    @Transactional
    public void deleteDefault(Tenant tenant) {
        jdbc.sql("delete from webhook_endpoints where platform_id = :platformId and mode = :mode and fallback")
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .update();
    }

    /**
     * Sets columns of the tenant's Allawee webhook, and its {@code updated_at}.
     *
     * @throws WebhookNotFoundException when the tenant has no such webhook
     */
    private void changeAllawee(Tenant tenant, byte[] objectId, String assignments, Map<String, Object> values) {
        found(jdbc.sql("update webhook_endpoints set " + assignments + ", updated_at = :now where object_id = :objectId and "
                        + ALLAWEE_SCOPE)
                .params(values).param("now", Timestamp.from(Timestamps.now(clock)))
                .param("objectId", objectId).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .update());
    }

    private static void found(int rows) {
        if (rows == 0) {
            throw new WebhookNotFoundException();
        }
    }

    /** The endpoint's signing key, opened for one delivery. */
    String signingKey(Tenant tenant, UUID endpointId, byte[] sealed) {
        return sealer.open(sealed, boundTo(tenant, endpointId));
    }

    private static AllaweeWebhook allaweeWebhook(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new AllaweeWebhook(row.getObject("id", UUID.class), row.getBytes("object_id"), row.getString("name"),
                java.util.List.of((String[]) row.getArray("events").getArray()), row.getString("url"),
                row.getString("api_version"), row.getString("description"), row.getString("metadata"),
                row.getBoolean("enabled"), row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
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
