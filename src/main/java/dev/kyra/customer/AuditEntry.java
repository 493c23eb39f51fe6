package dev.kyra.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of a customer's history: who did what to which part of it, and when.
 *
 * @param subject {@code customer}, {@code owner:<id>}, {@code document:<id>}, {@code file:<slot>} or {@code tier:<tier>}
 * @param fromStatus the status before a transition, null for data changes
 * @param changedFields the keys of the fields a data change touched (never their values)
 */
public record AuditEntry(UUID id, Instant occurredAt, String actor, String action, String subject, String fromStatus,
                         String toStatus, List<String> changedFields, String comment) {
}
