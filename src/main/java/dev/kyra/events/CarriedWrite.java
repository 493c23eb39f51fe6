package dev.kyra.events;

import java.util.Map;
import java.util.function.LongConsumer;

/**
 * One write of a transaction's own (not of each event, as an {@link EventSubscriber}'s) that rides in
 * the statement writing the transaction's events at commit, instead of costing a round trip of its
 * own: see {@link EventLog#carry}.
 *
 * @param statement one data-modifying statement with a {@code returning} clause
 *        ({@code insert … returning 1}), which PostgreSQL runs as a part of the log's statement; its
 *        returned rows are only counted
 * @param parameters the statement's parameters, named with a prefix of the writer's own so they clash
 *        with no other
 * @param wrote told how many rows the statement returned, before the transaction commits; an
 *        exception thrown here rolls the whole transaction back (the log writes at
 *        {@code beforeCommit}) and reaches whoever commits it
 */
public record CarriedWrite(String statement, Map<String, Object> parameters, LongConsumer wrote) {
}
