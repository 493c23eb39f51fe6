package dev.kyra.customer.internal;

import dev.kyra.customer.FileRef;
import dev.kyra.customer.LegacyFileSlot;
import dev.kyra.database.Row;
import dev.kyra.platform.Tenant;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An individual's legacy files, one per slot; a newer file replaces the older in its slot. */
@Repository
public class LegacyFileRepository {

    private final JdbcClient jdbc;

    public LegacyFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The files of the customer row {@code c} as one JSON array, null when it has none. */
    public static final String OF_CUSTOMER = """
            (select json_agg(json_build_object('slot', cf.slot, 'file_id', cf.file_id, 'storage_key', f.storage_key))
             from customer_files cf join files f on f.id = cf.file_id
             where cf.customer_id = c.id and cf.platform_id = c.platform_id and cf.mode = c.mode)""";

    public Map<LegacyFileSlot, FileRef> findByCustomer(Tenant tenant, UUID customerId) {
        return bySlot(CustomerChildren.json(jdbc, OF_CUSTOMER, tenant, customerId));
    }

    /** The files of a JSON array from {@link #OF_CUSTOMER}, by slot. */
    public static Map<LegacyFileSlot, FileRef> bySlot(String json) {
        Map<LegacyFileSlot, FileRef> files = new EnumMap<>(LegacyFileSlot.class);
        Row.mapAll(json, row -> files.put(LegacyFileSlot.fromCode(row.text("slot")).orElseThrow(),
                new FileRef(row.uuid("file_id"), row.text("storage_key"))));
        return files;
    }

    public void put(Tenant tenant, UUID customerId, LegacyFileSlot slot, UUID fileId, Instant at) {
        jdbc.sql("""
                        insert into customer_files (customer_id, platform_id, mode, slot, file_id, updated_at)
                        values (:customerId, :platformId, :mode, :slot, :fileId, :at)
                        on conflict (customer_id, slot) do update set file_id = excluded.file_id, updated_at = excluded.updated_at""")
                .param("customerId", customerId).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .param("slot", slot.code()).param("fileId", fileId).param("at", Timestamp.from(at))
                .update();
    }
}
