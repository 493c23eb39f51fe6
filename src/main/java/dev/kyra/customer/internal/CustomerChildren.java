package dev.kyra.customer.internal;

import dev.kyra.platform.Tenant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads one of a customer's child collections alone, through the same subquery the full read uses
 * (an {@code OF_CUSTOMER} constant over the customer row {@code c}), so each child's SQL is written once.
 */
final class CustomerChildren {

    private CustomerChildren() {
    }

    /** The subquery's JSON array for this tenant's customer; null when it has none or is not the tenant's. */
    static String json(JdbcClient jdbc, String subquery, Tenant tenant, UUID customerId) {
        return jdbc.sql("select " + subquery + " from customers c"
                        + " where c.id = :customerId and c.platform_id = :platformId and c.mode = :mode")
                .param("customerId", customerId).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query(String.class).optional().orElse(null);
    }
}
