package dev.kyra.customer.internal;

import dev.kyra.customer.Tier;
import dev.kyra.customer.TierRequest;
import dev.kyra.customer.TierStatus;
import dev.kyra.database.Row;
import dev.kyra.platform.Tenant;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A customer's verification tiers, scoped by tenant like every other read. */
@Repository
public class TierRequestRepository {

    private final JdbcClient jdbc;

    public TierRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tiers of the customer row {@code c} as one JSON array (null when none were asked for), in tier order. */
    public static final String OF_CUSTOMER = """
            (select json_agg(json_build_object('tier', v.tier, 'status', v.status, 'created_at', v.created_at,
                    'updated_at', v.updated_at) order by v.tier)
             from customer_verifications v
             where v.customer_id = c.id and v.platform_id = c.platform_id and v.mode = c.mode)""";

    public List<TierRequest> findByCustomer(Tenant tenant, UUID customerId) {
        return findByCustomers(tenant, List.of(customerId)).getOrDefault(customerId, List.of());
    }

    /** The tiers of several customers in one query, for a page of a list. */
    public Map<UUID, List<TierRequest>> findByCustomers(Tenant tenant, Collection<UUID> customerIds) {
        Map<UUID, List<TierRequest>> byCustomer = new HashMap<>();
        if (customerIds.isEmpty()) {
            return byCustomer;
        }
        jdbc.sql("select c.id, " + OF_CUSTOMER + " as tiers from customers c"
                        + " where c.id = any(:ids) and c.platform_id = :platformId and c.mode = :mode")
                .param("ids", customerIds.toArray(UUID[]::new))
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query((row, n) -> byCustomer.put(row.getObject("id", UUID.class),
                        Row.mapAll(row.getString("tiers"), TierRequestRepository::map)))
                .list();
        return byCustomer;
    }

    /** Writes a tier's status: a new request, or a new status of one asked for before; only {@code Transitions} calls it. */
    public void updateStatus(Tenant tenant, UUID customerId, TierRequest verification) {
        jdbc.sql("""
                        insert into customer_verifications (customer_id, platform_id, mode, tier, status, created_at, updated_at)
                        values (:customerId, :platformId, :mode, :tier, :status, :createdAt, :updatedAt)
                        on conflict (customer_id, tier) do update set status = excluded.status, updated_at = excluded.updated_at
                        where customer_verifications.platform_id = excluded.platform_id
                            and customer_verifications.mode = excluded.mode""")
                .param("customerId", customerId)
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .param("tier", verification.tier().code())
                .param("status", verification.status().code())
                .param("createdAt", Timestamp.from(verification.createdAt()))
                .param("updatedAt", Timestamp.from(verification.updatedAt()))
                .update();
    }

    public static TierRequest map(Row row) throws SQLException {
        return new TierRequest(Tier.fromCode(row.text("tier")).orElseThrow(), TierStatus.fromCode(row.text("status")),
                row.instant("created_at"), row.instant("updated_at"));
    }
}
