package dev.kyra.support;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A digest of every row a platform owns, read straight from PostgreSQL: two equal digests mean that
 * nothing of the platform was written in between. Tests take one before and after a refused request.
 */
public final class TenantState {

    private static final List<String> TENANT_TABLES = List.of("customers", "customer_owners", "customer_documents",
            "customer_files", "customer_verifications", "customer_events", "customer_counts", "files", "oauth_clients",
            "api_keys", "webhook_endpoints", "webhook_deliveries", "webhook_attempts");

    private TenantState() {
    }

    public static String of(JdbcClient jdbc, String platformId) {
        StringBuilder sql = new StringBuilder("select md5(concat_ws('|', (select p::text from platforms p where id = :id)");
        for (String table : TENANT_TABLES) {
            sql.append(", (select string_agg(t::text, ',' order by t::text) from ").append(table)
                    .append(" t where t.platform_id = :id)");
        }
        sql.append("))");
        return jdbc.sql(sql.toString()).param("id", UUID.fromString(platformId)).query(String.class).single();
    }
}
