package dev.kyra.events;

import dev.kyra.database.Row;
import dev.kyra.database.Timestamps;
import dev.kyra.ids.UuidV7;
import dev.kyra.platform.Caller;
import dev.kyra.platform.Mode;
import dev.kyra.platform.Tenant;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends events to a customer's history and reads it back. An event is recorded by the transaction
 * that makes the change or not at all: {@link #record} refuses to run outside one. Events are held
 * until the transaction commits (or until it reads the log itself) and then written in one statement
 * per customer, which also takes their sequence numbers from the customer's row and carries what the
 * {@link EventSubscriber}s write with them — one round trip for a change that adds a customer, three
 * owners and a tier, and queues their webhooks — and any {@link CarriedWrite} of the transaction's.
 */
@Component
public class EventLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            id, platform_id, mode, customer_id, sequence, type, subject, actor, occurred_at, from_status, to_status,
            changes, comment""";

    private final JdbcClient jdbc;
    private final List<EventSubscriber> subscribers;
    private final Clock clock;

    EventLog(List<EventSubscriber> subscribers, JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.subscribers = List.copyOf(subscribers);
    }

    /** Records a change of the customer, in the caller's transaction. */
    public void record(Caller caller, UUID customerId, Change change) {
        pending().add(new PendingEvents.Entry(caller, customerId, change, UuidV7.next(), Timestamps.now(clock)));
    }

    /** Every event of a customer, oldest first. */
    public List<CustomerEvent> history(Tenant tenant, UUID customerId) {
        flush();
        return jdbc.sql("select " + COLUMNS + """
                         from customer_events
                        where customer_id = :customerId and platform_id = :platformId and mode = :mode
                        order by sequence""")
                .param("customerId", customerId).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query((row, n) -> map(Row.of(row))).list();
    }

    /**
     * Strips the values from every event of the customer, keeping which fields changed (an erasure's
     * last step): personal values were masked already, and names or references go too. The
     * transaction's own pending events are written first, so they are stripped as well.
     */
    public void forgetValues(Tenant tenant, UUID customerId) {
        flush();
        jdbc.sql("""
                        update customer_events set changes = coalesce((select jsonb_agg(jsonb_build_object('field', c ->> 'field'))
                                                                       from jsonb_array_elements(changes) c), '[]')
                        where customer_id = :customerId and platform_id = :platformId and mode = :mode
                          and changes <> '[]'""")
                .param("customerId", customerId).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .update();
    }

    /**
     * The SQL of the newest comment events of the customer row {@code c} as one JSON array, newest
     * first (null when there are none): for a read that fetches a customer with everything it shows in
     * one statement. Call {@link #flush} first when the transaction may have recorded events.
     */
    public static String recentCommentsOf(int limit) {
        return """
                (select json_agg(e order by e.sequence desc) from (select\s""" + COLUMNS + """
                  from customer_events
                 where customer_id = c.id and platform_id = c.platform_id and mode = c.mode
                   and subject = 'customer' and comment is not null
                 order by sequence desc limit\s""" + limit + ") e)";
    }

    /**
     * The SQL of the event row {@code alias} (a {@code customer_events} of the statement's own, joined
     * with its tenant) as a JSON array of one: a statement reads it beside rows of its own, and plans
     * no subquery for it. Read it with {@link #fromJson}.
     */
    public static String asJson(String alias) {
        StringBuilder fields = new StringBuilder();
        for (String column : COLUMNS.split(",")) {
            String name = column.strip();
            fields.append(fields.isEmpty() ? "" : ", ").append('\'').append(name).append("', ").append(alias).append('.').append(name);
        }
        return "json_build_array(json_build_object(" + fields + "))";
    }

    /** The events of a JSON array built by {@link #recentCommentsOf} or {@link #asJson}. */
    public static List<CustomerEvent> fromJson(String json) {
        return Row.mapAll(json, EventLog::map);
    }

    /**
     * Takes {@code write} into the statement that writes this transaction's pending events, at
     * commit (or at an earlier {@link #flush}), if the transaction has recorded any not yet written:
     * then it costs no round trip of its own, and commits or rolls back with them. False when there
     * are none: the caller writes it itself.
     */
    public boolean carry(CarriedWrite write) {
        PendingEvents pending = TransactionSynchronizationManager.isActualTransactionActive()
                ? (PendingEvents) TransactionSynchronizationManager.getResource(this) : null;
        return pending != null && pending.carry(write);
    }

    /** Writes the events this transaction has recorded so far, so that its own reads see them. */
    public void flush() {
        PendingEvents pending = (PendingEvents) TransactionSynchronizationManager.getResource(this);
        if (pending != null) {
            pending.drainByCustomer(this::insert);
        }
    }

    private PendingEvents pending() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an event is recorded by the transaction that makes the change");
        }
        PendingEvents pending = (PendingEvents) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new PendingEvents();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    EventLog.this.flush(); // not the synchronization's own flush(), a no-op
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(EventLog.this);
                }
            });
        }
        return pending;
    }

    /**
     * Numbers and writes one customer's events. Taking the numbers updates the customer's row, so a
     * second writer of the customer waits for this transaction, and a rollback returns them.
     */
    private void insert(List<PendingEvents.Entry> events, List<CarriedWrite> carried) {
        PendingEvents.Entry first = events.getFirst();
        Tenant tenant = first.caller().tenant();
        int count = events.size();
        String[] ids = new String[count];
        String[] types = new String[count];
        String[] subjects = new String[count];
        String[] actors = new String[count];
        String[] times = new String[count];
        String[] froms = new String[count];
        String[] tos = new String[count];
        String[] changes = new String[count];
        String[] comments = new String[count];
        for (int i = 0; i < count; i++) {
            PendingEvents.Entry event = events.get(i);
            ids[i] = event.id().toString();
            types[i] = event.change().type().code();
            subjects[i] = event.change().subject();
            actors[i] = event.caller().actor().toString();
            times[i] = event.at().toString(); // ISO-8601 in UTC, read exactly by timestamptz
            froms[i] = event.change().fromStatus();
            tos[i] = event.change().toStatus();
            changes[i] = encode(event.change().changes());
            comments[i] = event.change().comment();
        }
        StringBuilder sql = new StringBuilder("""
                with numbers as (
                    update customers set event_sequence = event_sequence + :count
                    where id = :customerId and platform_id = :platformId and mode = :mode
                    returning event_sequence - :count as last_before),
                """).append(EventSubscriber.RECORDED).append(" as (insert into customer_events (").append(COLUMNS).append("""
                )
                    select cast(e.id as uuid), :platformId, :mode, :customerId, numbers.last_before + e.n, e.type,
                           e.subject, e.actor, e.occurred_at, e.from_status, e.to_status, cast(e.changes as jsonb),
                           e.comment
                    from numbers, unnest(cast(:ids as text[]), cast(:types as text[]), cast(:subjects as text[]),
                                         cast(:actors as text[]), cast(:times as timestamptz[]),
                                         cast(:froms as text[]), cast(:tos as text[]), cast(:changes as text[]),
                                         cast(:comments as text[]))
                         with ordinality as e(id, type, subject, actor, occurred_at, from_status, to_status,
                                              changes, comment, n)
                    returning id, platform_id, mode, customer_id, type)""");
        // the subscribers' parts, then the transaction's own
        List<CarriedWrite> parts = new ArrayList<>();
        for (EventSubscriber subscriber : subscribers) {
            parts.add(new CarriedWrite(subscriber.statement(), subscriber.parameters(), subscriber::wrote));
        }
        parts.addAll(carried);
        // a part of a WITH that nothing reads is still run, but its RETURNING only when it is read: count each
        StringBuilder counts = new StringBuilder("select (select count(*) from ").append(EventSubscriber.RECORDED).append(")");
        for (int i = 0; i < parts.size(); i++) {
            sql.append(",\ns").append(i).append(" as (").append(parts.get(i).statement()).append(")");
            counts.append(", (select count(*) from s").append(i).append(")");
        }
        JdbcClient.StatementSpec statement = jdbc.sql(sql.append("\n").append(counts).toString())
                .param("count", count)
                .param("customerId", first.customerId())
                .param("platformId", tenant.platformId())
                .param("mode", tenant.mode().code())
                .param("ids", ids).param("types", types).param("subjects", subjects).param("actors", actors)
                .param("times", times).param("froms", froms).param("tos", tos).param("changes", changes)
                .param("comments", comments);
        for (CarriedWrite part : parts) {
            statement = statement.params(part.parameters());
        }
        long[] written = statement.query((row, n) -> {
            long[] counted = new long[parts.size() + 1];
            for (int i = 0; i < counted.length; i++) {
                counted[i] = row.getLong(i + 1);
            }
            return counted;
        }).single();
        if (written[0] != count) {
            throw new IllegalStateException("customer " + first.customerId() + " is not this tenant's, or vanished");
        }
        for (int i = 0; i < parts.size(); i++) {
            parts.get(i).wrote().accept(written[i + 1]);
        }
    }

    private static String encode(List<FieldChange> changes) {
        ArrayNode array = JSON.createArrayNode();
        for (FieldChange change : changes) {
            ObjectNode item = array.addObject();
            item.put("field", change.field());
            item.put("from", change.from());
            item.put("to", change.to());
        }
        return JSON.writeValueAsString(array);
    }

    private static List<FieldChange> decode(String json) {
        List<FieldChange> changes = new ArrayList<>();
        for (JsonNode item : JSON.readTree(json).values()) {
            changes.add(new FieldChange(item.get("field").stringValue(), textOrNull(item.get("from")), textOrNull(item.get("to"))));
        }
        return List.copyOf(changes);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.stringValue();
    }

    private static CustomerEvent map(Row row) throws SQLException {
        return new CustomerEvent(row.uuid("id"),
                new Tenant(row.uuid("platform_id"), Mode.fromCode(row.text("mode")).orElseThrow()),
                row.uuid("customer_id"), Long.parseLong(row.text("sequence")),
                EventType.fromCode(row.text("type")).orElseThrow(), row.text("subject"), row.text("actor"),
                row.instant("occurred_at"), row.text("from_status"), row.text("to_status"),
                decode(row.text("changes")), row.text("comment"));
    }
}
