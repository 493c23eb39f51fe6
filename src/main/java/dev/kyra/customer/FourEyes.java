package dev.kyra.customer;

import dev.kyra.events.Change;
import dev.kyra.events.EventLog;
import dev.kyra.events.EventType;
import dev.kyra.platform.Caller;
import dev.kyra.platform.PlatformService;
import dev.kyra.profile.ActionRefusedException;
import dev.kyra.profile.Violation;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Four eyes (optional per platform): approving a customer takes two different reviewers. The first
 * approval is kept, and recorded as {@code customer.first_approval}; the second, by someone else,
 * approves. A status change of the customer after the first approval (a rejection, a resubmission)
 * makes it stale, so the next approval is a first one again.
 */
@Component
class FourEyes {

    private final JdbcClient jdbc;
    private final PlatformService platforms;
    private final EventLog events;
    private final Clock clock;

    FourEyes(JdbcClient jdbc, PlatformService platforms, EventLog events, Clock clock) {
        this.jdbc = jdbc;
        this.platforms = platforms;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Whether this approval may approve the customer now. When the platform wants four eyes and no
     * fresh first approval exists, this one is kept as the first, and the answer is no.
     *
     * @throws ActionRefusedException when the caller gave the first approval themselves
     */
    boolean approves(Caller reviewer, UUID customerId, String comment) {
        if (!platforms.settingsOf(reviewer.tenant().platformId()).fourEyes()) {
            return true;
        }
        events.flush();
        Optional<String> first = jdbc.sql("""
                        select f.approved_by from first_approvals f
                        where f.customer_id = :customer and not exists (
                            select 1 from customer_events e
                            where e.customer_id = f.customer_id and e.platform_id = :platformId and e.mode = :mode
                              and e.type = 'customer.status_changed' and e.sequence > f.at_sequence)""")
                .param("customer", customerId).param("platformId", reviewer.tenant().platformId())
                .param("mode", reviewer.tenant().mode().code())
                .query(String.class).optional();
        String actor = reviewer.actor().toString();
        if (first.isPresent() && first.get().equals(actor)) {
            throw new ActionRefusedException(Violation.general(
                    "Four eyes: a second, different reviewer must approve this customer."));
        }
        if (first.isPresent()) {
            jdbc.sql("delete from first_approvals where customer_id = :customer").param("customer", customerId).update();
            return true;
        }
        jdbc.sql("""
                        insert into first_approvals (customer_id, approved_by, at_sequence, approved_at)
                        select id, :actor, event_sequence, :now from customers
                        where id = :customer and platform_id = :platformId and mode = :mode
                        on conflict (customer_id) do update set approved_by = excluded.approved_by,
                            at_sequence = excluded.at_sequence, approved_at = excluded.approved_at""")
                .param("actor", actor).param("now", Timestamp.from(clock.instant())).param("customer", customerId)
                .param("platformId", reviewer.tenant().platformId()).param("mode", reviewer.tenant().mode().code())
                .update();
        events.record(reviewer, customerId, new Change(EventType.FIRST_APPROVAL, "review", java.util.List.of(), null, null, comment));
        return false;
    }

    /** The actor of the fresh first approval of the customer, if one waits for its second. */
    Optional<String> waiting(UUID customerId) {
        return jdbc.sql("""
                        select f.approved_by from first_approvals f join customers c on c.id = f.customer_id
                        where f.customer_id = :customer and not exists (
                            select 1 from customer_events e
                            where e.customer_id = f.customer_id and e.platform_id = c.platform_id and e.mode = c.mode
                              and e.type = 'customer.status_changed' and e.sequence > f.at_sequence)""")
                .param("customer", customerId).query(String.class).optional();
    }
}
