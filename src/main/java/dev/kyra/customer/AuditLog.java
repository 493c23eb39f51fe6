package dev.kyra.customer;

import dev.kyra.database.Timestamps;
import dev.kyra.ids.UuidV7;
import dev.kyra.platform.Caller;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customer's history, written by the same transaction as the change it records. An entry names
 * the fields that changed, never their values.
 */
@Repository
class AuditLog {

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

    void statusChanged(Caller caller, UUID customerId, String subject, String from, String to, String comment) {
        insert(caller, customerId, "status_changed", subject, from, to, new String[0], comment);
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
