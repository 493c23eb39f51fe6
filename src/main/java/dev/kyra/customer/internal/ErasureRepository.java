package dev.kyra.customer.internal;

import dev.kyra.customer.Customer;
import dev.kyra.platform.Tenant;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The writes of an erasure (decision D11): the customer's children go, its row becomes a tombstone. */
@Repository
public class ErasureRepository {

    private static final String OF_THE_CUSTOMER = " where customer_id = :customerId and platform_id = :platformId and mode = :mode";

    private final JdbcClient jdbc;

    public ErasureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When the customer's personal data was erased, if it was; the caller holds the row locked. */
    public Instant erasedAt(Tenant tenant, UUID customerId) {
        return jdbc.sql("select erased_at from customers where id = :customerId and platform_id = :platformId and mode = :mode")
                .param("customerId", customerId).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query((row, n) -> {
                    Timestamp erased = row.getTimestamp(1);
                    return erased == null ? null : erased.toInstant();
                })
                .optional().orElse(null);
    }

    /** Deletes the owners, documents and legacy files: everything that refers to the customer's uploads. */
    public void deleteChildren(Tenant tenant, UUID customerId) {
        for (String table : new String[]{"customer_owners", "customer_documents", "customer_files"}) {
            jdbc.sql("delete from " + table + OF_THE_CUSTOMER)
                    .param("customerId", customerId).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                    .update();
        }
    }

    /**
     * Leaves the tombstone: id, type, statuses and timestamps. The profile, reference and metadata are
     * cleared, which frees the customer's uniqueness slots and every look-up by its old values, and the
     * data key is destroyed, which leaves whatever it sealed unreadable wherever a copy survives.
     */
    public void clear(Customer customer, Instant now) {
        jdbc.sql("""
                        update customers set profile = '{}', metadata = '{}', reference = null, data_key = null,
                            data_key_master = null, erased_at = :now, version = version + 1, updated_at = :now
                        where id = :id and platform_id = :platformId and mode = :mode""")
                .param("id", customer.id()).param("platformId", customer.tenant().platformId())
                .param("mode", customer.tenant().mode().code()).param("now", Timestamp.from(now))
                .update();
    }
}
