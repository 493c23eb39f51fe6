package dev.kyra.events;

import java.util.List;
import java.util.Objects;

/**
 * What a writer records about one change of a customer, before the log gives it an id and a number.
 *
 * @param subject what changed: {@code customer}, {@code owner:<id>}, {@code document:<id>} or {@code tier:<tier>}
 * @param fromStatus for a status change, the status before (null for a first tier request)
 * @param comment what a reviewer (or Kyra) wrote about the change, shown to the platform when it is
 *        about the customer itself
 */
public record Change(EventType type, String subject, List<FieldChange> changes, String fromStatus, String toStatus,
                     String comment) {

    public static final String CUSTOMER = "customer";

    public Change {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        changes = List.copyOf(changes);
    }

    /** A change of data: what was added, edited or removed. */
    public static Change data(EventType type, String subject, List<FieldChange> changes) {
        return new Change(type, subject, changes, null, null, null);
    }

    /** A status that moved, and why when someone said. */
    public static Change status(EventType type, String subject, String from, String to, String comment) {
        return new Change(type, subject, List.of(), from, to, comment);
    }
}
