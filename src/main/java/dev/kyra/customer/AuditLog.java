package dev.kyra.customer;

import dev.kyra.database.Timestamps;
import dev.kyra.ids.UuidV7;
import dev.kyra.platform.Caller;
import dev.kyra.platform.Tenant;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customer's history, written by the same transaction as the change it records. An entry names
 * the fields that changed, never their values.
 */
@Repository
class AuditLog {

    private static final String STATUS_CHANGED = "status_changed";
    private static final String REVIEWED = "reviewed";

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void dataChanged(Caller caller, UUID customerId, String action, String subject, Collection<Field<?>> fields) {
        changed(caller, customerId, action, subject, fields.stream().map(Field::key).toList());
    }

    /** A data change that names its fields by key, for changes beyond the profile (reference, metadata). */
    void changed(Caller caller, UUID customerId, String action, String subject, Collection<String> keys) {
        insert(caller, customerId, action, subject, null, null, keys.toArray(String[]::new), null);
    }

    /** A data change of the customer itself with a note the platform sees among its recent comments. */
    void changedWithNote(Caller caller, UUID customerId, String action, Collection<String> keys, String note) {
        insert(caller, customerId, action, "customer", null, null, keys.toArray(String[]::new), note);
    }

    void statusChanged(Caller caller, UUID customerId, String subject, String from, String to, String comment) {
        insert(caller, customerId, STATUS_CHANGED, subject, from, to, new String[0], comment);
    }

    /** A reviewer's decision, whose comment the platform sees among the customer's recent comments. */
    void reviewed(Caller caller, UUID customerId, String subject, String from, String to, String comment) {
        insert(caller, customerId, REVIEWED, subject, from, to, new String[0], comment);
    }

    /** Every entry of a customer, oldest first. */
    List<AuditEntry> history(Tenant tenant, UUID customerId) {
        return jdbc.sql("""
                        select id, occurred_at, actor, action, subject, from_status, to_status, changed_fields, comment
                        from customer_audit where customer_id = :customerId and platform_id = :platformId and mode = :mode
                        order by occurred_at, id""")
                .param("customerId", customerId).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query((row, n) -> new AuditEntry(row.getObject("id", UUID.class), row.getTimestamp("occurred_at").toInstant(),
                        row.getString("actor"), row.getString("action"), row.getString("subject"),
                        row.getString("from_status"), row.getString("to_status"),
                        List.of((String[]) row.getArray("changed_fields").getArray()), row.getString("comment")))
                .list();
    }

    /** The newest comments written about the customer itself, newest first. */
    List<Comment> recentComments(Tenant tenant, UUID customerId, int limit) {
        return jdbc.sql("""
                        select id, comment, action, occurred_at from customer_audit
                        where customer_id = :customerId and platform_id = :platformId and mode = :mode
                            and subject = 'customer' and comment is not null
                        order by occurred_at desc, id desc limit :limit""")
                .param("customerId", customerId).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .param("limit", limit)
                .query((row, n) -> new Comment(row.getObject("id", UUID.class), row.getString("comment"),
                        REVIEWED.equals(row.getString("action")) ? "review" : "info", row.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    private void insert(Caller caller, UUID customerId, String action, String subject, String from, String to,
                        String[] changedFields, String comment) {
        jdbc.sql("""
                        insert into customer_audit (id, customer_id, platform_id, mode, occurred_at, actor, action,
                            subject, from_status, to_status, changed_fields, comment)
                        values (:id, :customerId, :platformId, :mode, :at, :actor, :action, :subject, :from, :to,
                            :fields, :comment)""")
                .param("id", UuidV7.next())
                .param("customerId", customerId)
                .param("platformId", caller.tenant().platformId())
                .param("mode", caller.tenant().mode().code())
                .param("at", Timestamp.from(Timestamps.now()))
                .param("actor", caller.actor())
                .param("action", action)
                .param("subject", subject)
                .param("from", from)
                .param("to", to)
                .param("fields", changedFields)
                .param("comment", comment)
                .update();
    }
}
