package dev.kyra.webhooks;

import dev.kyra.ids.Base58;
import dev.kyra.ids.ObjectIds;
import dev.kyra.platform.Tenant;
import dev.kyra.query.AttributeTable;
import dev.kyra.query.InvalidQueryException;
import dev.kyra.query.KeysetSearch;
import dev.kyra.query.ListQuery;
import dev.kyra.query.QueryAttribute;
import dev.kyra.query.SqlFragment;
import dev.kyra.query.ValueType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * The Allawee face's event records (decision A17): one per event and webhook it went to, listed by
 * the list query language, each with its attempts, and retried on request.
 */
@Service
public class EventRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FROM = """
            webhook_deliveries d join webhook_endpoints w on w.id = d.endpoint_id""";
    private static final String COLUMNS = """
            d.id as delivery_id, d.object_id, d.event_name, d.body, w.object_id as webhook_object_id, w.url, d.status, d.created_at, d.updated_at,
            (select json_agg(json_build_object('statusCode', a.status_code, 'latency', a.latency_ms,
                    'responseBody', a.response_excerpt, 'error', a.error, 'at', a.attempted_at) order by a.attempted_at, a.id)
               from webhook_attempts a where a.delivery_id = d.id) as attempts""";
    private static final String SCOPE = "d.platform_id = :platformId and d.mode = :mode and w.face = 'allawee'";

    /** What a list of events filters and sorts by, over the deliveries {@code d} and their webhooks {@code w}. */
    static final AttributeTable ATTRIBUTES = AttributeTable.of(Map.of(
            "object_id", QueryAttribute.withBinder("d.object_id", ValueType.KEY, EventRecords::objectId),
            "event", QueryAttribute.required("d.event_name", ValueType.TEXT),
            "status", QueryAttribute.required("d.status", ValueType.TEXT),
            "webhook", QueryAttribute.withBinder("w.object_id", ValueType.KEY, EventRecords::objectId),
            "url", QueryAttribute.required("w.url", ValueType.TEXT),
            "created_at", QueryAttribute.required("d.created_at", ValueType.TIMESTAMP),
            "updated_at", QueryAttribute.required("d.updated_at", ValueType.TIMESTAMP)));

    private final JdbcClient jdbc;
    private final KeysetSearch<EventRecord> search;
    private final SealedBodies sealedBodies;

    EventRecords(JdbcClient jdbc, SealedBodies sealedBodies) {
        this.jdbc = jdbc;
        this.sealedBodies = sealedBodies;
        this.search = new KeysetSearch<>(jdbc, COLUMNS, FROM, ATTRIBUTES, "d.id", "d.object_id", "event", this::map);
    }

    @Transactional(readOnly = true)
    public KeysetSearch.Page<EventRecord> page(Tenant tenant, ListQuery query) {
        return search.page(query, scope(tenant), EventRecords::objectId);
    }

    public Optional<EventRecord> find(Tenant tenant, byte[] objectId) {
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where " + SCOPE + " and d.object_id = :objectId")
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code()).param("objectId", objectId)
                .query(this::map).optional();
    }

    /**
     * Sends the event again now (decision A17), however its delivery ended; signed afresh when it is
     * sent. An attempt in flight meanwhile does not undo it.
     *
     * @throws EventNotFoundException when the tenant has no such event record
     */
    @Transactional
    public EventRecord retry(Tenant tenant, byte[] objectId) {
        int queued = jdbc.sql("""
                        with retried as (
                            update webhook_deliveries d set status = 'pending', next_attempt_at = now(),
                                replays = replays + 1, updated_at = now()
                            from webhook_endpoints w
                            where w.id = d.endpoint_id and %s and d.object_id = :objectId
                            returning d.id)
                        select count(*) from retried, lateral (select pg_notify('%s', '')) notified"""
                        .formatted(SCOPE, Outbox.CHANNEL))
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code()).param("objectId", objectId)
                .query(Integer.class).single();
        if (queued == 0) {
            throw new EventNotFoundException();
        }
        return find(tenant, objectId).orElseThrow();
    }

    /** The bytes of a record's base58 key, as the face's ids carry it. */
    static byte[] objectId(String base58) {
        return Base58.decodeFixed(base58, ObjectIds.LENGTH)
                .orElseThrow(() -> new InvalidQueryException("filter", "'" + base58 + "' is not an id"));
    }

    private static SqlFragment scope(Tenant tenant) {
        return new SqlFragment(SCOPE, Map.of("platformId", tenant.platformId(), "mode", tenant.mode().code()));
    }

    private EventRecord map(ResultSet row, int n) throws SQLException {
        List<EventRecord.Attempt> attempts = new ArrayList<>();
        String json = row.getString("attempts");
        if (json != null) {
            for (JsonNode attempt : JSON.readTree(json).values()) {
                JsonNode status = attempt.get("statusCode");
                attempts.add(new EventRecord.Attempt(status.isNull() ? null : status.intValue(), attempt.get("latency").intValue(),
                        text(attempt.get("responseBody")), text(attempt.get("error")),
                        OffsetDateTime.parse(attempt.get("at").stringValue()).toInstant()));
            }
        }
        Instant sentAt = attempts.isEmpty() ? null : attempts.getLast().at();
        return new EventRecord(row.getBytes("object_id"), row.getString("event_name"),
                sealedBodies.open(row.getObject("delivery_id", UUID.class), row.getBytes("body")),
                row.getBytes("webhook_object_id"), row.getString("url"), row.getString("status"), attempts, sentAt,
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.stringValue();
    }
}
