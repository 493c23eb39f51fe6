package dev.kyra.customer;

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
class LegacyFileRepository {

    private final JdbcClient jdbc;

    LegacyFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<LegacyFileSlot, FileRef> findByCustomer(Tenant tenant, UUID customerId) {
        Map<LegacyFileSlot, FileRef> files = new EnumMap<>(LegacyFileSlot.class);
        jdbc.sql("""
                        select c.slot, c.file_id, f.storage_key from customer_files c join files f on f.id = c.file_id
                        where c.customer_id = :customerId and c.platform_id = :platformId and c.mode = :mode""")
                .param("customerId", customerId).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query((row, n) -> files.put(LegacyFileSlot.fromCode(row.getString("slot")).orElseThrow(),
                        new FileRef(row.getObject("file_id", UUID.class), row.getString("storage_key"))))
                .list();
        return files;
    }

    void put(Tenant tenant, UUID customerId, LegacyFileSlot slot, UUID fileId, Instant at) {
        jdbc.sql("""
                        insert into customer_files (customer_id, platform_id, mode, slot, file_id, updated_at)
                        values (:customerId, :platformId, :mode, :slot, :fileId, :at)
                        on conflict (customer_id, slot) do update set file_id = excluded.file_id, updated_at = excluded.updated_at""")
                .param("customerId", customerId).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .param("slot", slot.code()).param("fileId", fileId).param("at", Timestamp.from(at))
                .update();
    }
}
