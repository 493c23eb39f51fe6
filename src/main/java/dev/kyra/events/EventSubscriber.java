package dev.kyra.events;

import java.util.Map;

/**
 * Writes along with the events, as a part of the very statement that inserts them: what it writes
 * commits or rolls back with the events, and costs no round trip of its own (the webhook outbox is
 * one). The log's statement offers the rows it has just inserted as a relation named
 * {@value #RECORDED} with the columns {@code id, platform_id, mode, customer_id, type}.
 */
public interface EventSubscriber {

    /** The relation of the events being inserted, as a subscriber's statement reads it. */
    String RECORDED = "recorded";

    /**
     * One data-modifying statement ({@code insert … select … from recorded … returning …}) that
     * PostgreSQL runs as a part of the log's statement; its returned rows are only counted.
     */
    String statement();

    /** The statement's parameters, named with a prefix of the subscriber's own so they clash with no other. */
    Map<String, Object> parameters();

    /** How many rows the statement returned, told in the transaction that wrote them (before it commits). */
    default void wrote(long rows) {
    }
}
