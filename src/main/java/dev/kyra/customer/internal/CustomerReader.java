package dev.kyra.customer.internal;

import dev.kyra.customer.Customer;
import dev.kyra.customer.Comment;
import dev.kyra.customer.CustomerDetails;
import dev.kyra.customer.CustomerRef;
import dev.kyra.database.Row;
import dev.kyra.events.EventLog;
import dev.kyra.events.EventType;
import dev.kyra.platform.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A full read of a customer — its row, owners, documents, legacy files, tiers and recent comments —
 * in one statement: one snapshot, so no read sees a customer half-changed by a concurrent writer, and
 * one round trip to the database, which the hottest endpoint (get by id) is mostly made of.
 */
@Repository
public class CustomerReader {

    public static final int RECENT_COMMENTS = 10;

    private static final String SELECT = "select " + CustomerRepository.COLUMNS + ","
            + " case when c.type = 'business' then " + OwnerRepository.OF_CUSTOMER + " end as owners,"
            + " case when c.type = 'business' then " + DocumentRepository.OF_CUSTOMER + " end as documents,"
            + " case when c.type = 'individual' then " + LegacyFileRepository.OF_CUSTOMER + " end as legacy_files,"
            + " " + TierRequestRepository.OF_CUSTOMER + " as tiers,"
            + " " + EventLog.recentCommentsOf(RECENT_COMMENTS) + " as comments"
            + " from customers c where c.platform_id = :platformId and c.mode = :mode and ";

    private final JdbcClient jdbc;
    private final EventLog events;
    private final CustomerRepository customers;
    private final OwnerRepository owners;

    public CustomerReader(JdbcClient jdbc, EventLog events, CustomerRepository customers, OwnerRepository owners) {
        this.jdbc = jdbc;
        this.events = events;
        this.customers = customers;
        this.owners = owners;
    }

    public Optional<CustomerDetails> find(Tenant tenant, CustomerRef ref) {
        events.flush(); // a transaction that has just changed the customer reads its own events
        String key = ref instanceof CustomerRef.ById ? "c.id" : "c.object_id";
        Object value = switch (ref) {
            case CustomerRef.ById byId -> byId.id();
            case CustomerRef.ByObjectId byObjectId -> byObjectId.objectId();
        };
        return jdbc.sql(SELECT + key + " = :key")
                .param("key", value).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query(this::details)
                .optional();
    }

    /**
     * Full reads of many of a tenant's customers in one statement, as {@link #find} reads one: for a
     * reader of many at once (the webhook worker rendering a claim's first attempts). A customer that
     * is not the tenant's, or no longer there, is absent from the answer.
     */
    public Map<UUID, CustomerDetails> findAll(Tenant tenant, Collection<UUID> ids) {
        events.flush();
        return jdbc.sql(SELECT + "c.id = any(cast(:ids as uuid[]))")
                .param("ids", ids.toArray(UUID[]::new)).param("platformId", tenant.platformId())
                .param("mode", tenant.mode().code())
                .query(this::details)
                .list().stream().collect(Collectors.toMap(details -> details.customer().id(), details -> details));
    }

    private CustomerDetails details(ResultSet row, int n) throws SQLException {
        Customer customer = customers.map(row, n);
        return new CustomerDetails(customer,
                Row.mapAll(row.getString("owners"), owner -> owners.map(owner, customer)),
                Row.mapAll(row.getString("documents"), DocumentRepository::map),
                LegacyFileRepository.bySlot(row.getString("legacy_files")),
                Row.mapAll(row.getString("tiers"), TierRequestRepository::map),
                comments(row.getString("comments")));
    }

    /** The platform's view of the customer's comments: a reviewer's reasons, and Kyra's notes. */
    private static List<Comment> comments(String json) {
        return EventLog.fromJson(json).stream()
                .map(event -> new Comment(event.id(), event.comment(),
                        event.type() == EventType.STATUS_CHANGED ? "review" : "info", event.occurredAt()))
                .toList();
    }
}
