package dev.kyra.customer;

import dev.kyra.platform.Tenant;
import java.sql.ResultSet;
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
class TierRequestRepository {

    private final JdbcClient jdbc;

    TierRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TierRequest> findByCustomer(Tenant tenant, UUID customerId) {
        return findByCustomers(tenant, List.of(customerId)).getOrDefault(customerId, List.of());
    }

    /** The tiers of several customers in one query, for a page of a list. */
    Map<UUID, List<TierRequest>> findByCustomers(Tenant tenant, Collection<UUID> customerIds) {
        Map<UUID, List<TierRequest>> byCustomer = new HashMap<>();
        if (customerIds.isEmpty()) {
            return byCustomer;
        }
        jdbc.sql("""
                        select customer_id, tier, status, created_at, updated_at from customer_verifications
                        where customer_id = any(:ids) and platform_id = :platformId and mode = :mode
                        order by customer_id, tier""")
                .param("ids", customerIds.toArray(UUID[]::new))
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query((row, n) -> {
                    byCustomer.computeIfAbsent(row.getObject("customer_id", UUID.class), id -> new java.util.ArrayList<>())
                            .add(map(row));
                    return null;
                }).list();
        return byCustomer;
    }

    /** Writes a tier's status: a new request, or a new status of one asked for before; only {@link Transitions} calls it. */
    void updateStatus(Tenant tenant, UUID customerId, TierRequest verification) {
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

    private static TierRequest map(ResultSet row) throws SQLException {
        return new TierRequest(Tier.fromCode(row.getString("tier")).orElseThrow(),
                TierStatus.fromCode(row.getString("status")),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }
}
