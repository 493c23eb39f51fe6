package dev.kyra.webhooks;

import dev.kyra.platform.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A face's delivery log — every delivery of the caller's platform and mode to that face's endpoints,
 * newest first, with its attempts — and replay: one more attempt, now, of a delivery the log holds.
 */
@Service
public class WebhookLogs {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = """
            select d.id, d.platform_id, d.event_id, e.type, w.url, d.body, d.status, d.attempts, d.created_at, d.updated_at,
                   (select a.response_excerpt from webhook_attempts a where a.delivery_id = d.id
                     order by a.attempted_at desc limit 1) as last_response
            from webhook_deliveries d
            join webhook_endpoints w on w.id = d.endpoint_id
            join customer_events e on e.id = d.event_id
            where d.platform_id = :platformId and d.mode = :mode and w.face = :face""";
    private static final String FILTERS = """
             and (cast(:from as timestamptz) is null or d.created_at >= :from)
             and (cast(:before as timestamptz) is null or d.created_at < :before)
             and (cast(:status as text) is null or d.status = :status)
             and (cast(:type as text) is null or e.type = :type)
             and (cast(:search as text) is null or d.event_id::text = :search or e.customer_id::text = :search
                  or exists (select 1 from customers c where c.id = e.customer_id and c.email = :search))""";

    private final JdbcClient jdbc;
    private final SealedBodies sealedBodies;

    WebhookLogs(JdbcClient jdbc, SealedBodies sealedBodies) {
        this.jdbc = jdbc;
        this.sealedBodies = sealedBodies;
    }

    public record Page(List<WebhookLog> items, long total) {
    }

    public Page page(Tenant tenant, WebhookFace face, WebhookLogFilter filter, int offset, int limit) {
        List<WebhookLog> items = filtered(jdbc.sql(SELECT + "\n" + FILTERS + " order by d.created_at desc, d.id desc offset :offset limit :limit"),
                tenant, face, filter).param("offset", offset).param("limit", limit).query(this::map).list();
        long total = filtered(jdbc.sql("select count(*) from (" + SELECT + "\n" + FILTERS + ") matching"), tenant, face, filter)
                .query(Long.class).single();
        return new Page(items, total);
    }

    /** One delivery of the tenant's, with its attempts, oldest first. */
    public Optional<WebhookLog> find(Tenant tenant, WebhookFace face, UUID id) {
        return jdbc.sql(SELECT + " and d.id = :id").param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .param("face", face.code()).param("id", id).query(this::map).optional()
                .map(log -> log.withHistory(attempts(tenant, id)));
    }

    /**
     * Queues one more attempt, now, of the tenant's delivery named by its id or by its event's id
     * (decision B17); it is signed afresh when it is sent. Empty when the log holds no such delivery.
     */
    @Transactional
    public Optional<UUID> replay(Tenant tenant, WebhookFace face, UUID deliveryOrEventId) {
        return jdbc.sql("""
                        with replayed as (
                            update webhook_deliveries d set status = 'pending', next_attempt_at = now(), replays = replays + 1,
                                updated_at = now()
                            from webhook_endpoints w
                            where w.id = d.endpoint_id and w.face = :face and d.platform_id = :platformId and d.mode = :mode
                              and (d.id = :id or d.event_id = :id)
                            returning d.id)
                        select id from replayed, lateral (select pg_notify('%s', '')) notified limit 1"""
                        .formatted(Outbox.CHANNEL))
                .param("face", face.code())
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code()).param("id", deliveryOrEventId)
                .query(UUID.class).optional();
    }

    private JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec statement, Tenant tenant, WebhookFace face,
                                              WebhookLogFilter filter) {
        return statement.param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .param("face", face.code())
                .param("from", filter.from() == null ? null : Timestamp.from(filter.from()))
                .param("before", filter.before() == null ? null : Timestamp.from(filter.before()))
                .param("status", filter.status()).param("type", filter.eventType()).param("search", filter.search());
    }

    private List<WebhookLog.Attempt> attempts(Tenant tenant, UUID deliveryId) {
        return jdbc.sql("""
                        select id, status_code, latency_ms, response_excerpt, error, request_headers::text as headers, attempted_at
                        from webhook_attempts where delivery_id = :id and platform_id = :platformId and mode = :mode
                        order by attempted_at, id""")
                .param("id", deliveryId).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query((row, n) -> new WebhookLog.Attempt(row.getObject("id", UUID.class),
                        (Integer) row.getObject("status_code"), row.getInt("latency_ms"), row.getString("response_excerpt"),
                        row.getString("error"), headers(row.getString("headers")), row.getTimestamp("attempted_at").toInstant()))
                .list();
    }

    private static Map<String, String> headers(String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : JSON.readTree(json).properties()) {
            headers.put(entry.getKey(), entry.getValue().asString());
        }
        return headers;
    }

    private WebhookLog map(ResultSet row, int n) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        return new WebhookLog(id, row.getObject("platform_id", UUID.class),
                row.getObject("event_id", UUID.class), row.getString("type"), row.getString("url"),
                sealedBodies.open(id, row.getBytes("body")),
                row.getString("status"), row.getInt("attempts"), row.getString("last_response"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant(), new ArrayList<>());
    }
}
