package dev.kyra.files;

import dev.kyra.personal.WrappedKey;
import dev.kyra.platform.Mode;
import dev.kyra.platform.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Uploads in PostgreSQL, scoped by tenant except where a signed URL alone names the file. */
@Repository
class FileRepository {

    private static final String COLUMNS = """
            id, platform_id, mode, customer_id, owner_id, purpose, storage_key, upload_expires_at, uploaded_at, created_at,
            file_key, file_key_master, size""";

    private final JdbcClient jdbc;

    FileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredFile file) {
        jdbc.sql("""
                        insert into files (id, platform_id, mode, customer_id, owner_id, purpose, storage_key,
                            upload_expires_at, uploaded_at, created_at, file_key, file_key_master)
                        values (:id, :platformId, :mode, :customerId, :ownerId, :purpose, :key, :expires, null, :createdAt,
                            :fileKey, :fileKeyMaster)""")
                .param("id", file.id())
                .param("platformId", file.tenant().platformId())
                .param("mode", file.tenant().mode().code())
                .param("customerId", file.binding().customerId())
                .param("ownerId", file.binding().ownerId())
                .param("purpose", file.binding().purpose())
                .param("key", file.storageKey())
                .param("expires", Timestamp.from(file.uploadExpiresAt()))
                .param("createdAt", Timestamp.from(file.createdAt()))
                .param("fileKey", file.key() == null ? null : file.key().bytes())
                .param("fileKeyMaster", file.key() == null ? null : file.key().masterKeyId())
                .update();
    }

    /** Every file of the customer, whatever it is attached to. */
    java.util.List<StoredFile> findByCustomer(Tenant tenant, UUID customerId) {
        return jdbc.sql("select " + COLUMNS + " from files where customer_id = :customerId and platform_id = :platformId"
                        + " and mode = :mode")
                .param("customerId", customerId).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query(FileRepository::map).list();
    }

    /** Deletes the rows, and with them the files' keys; rows that refer to them must be gone first. */
    void deleteByCustomer(Tenant tenant, UUID customerId) {
        jdbc.sql("delete from files where customer_id = :customerId and platform_id = :platformId and mode = :mode")
                .param("customerId", customerId).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .update();
    }

    Optional<StoredFile> find(Tenant tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from files where id = :id and platform_id = :platformId and mode = :mode")
                .param("id", id).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query(FileRepository::map).optional();
    }

    /** For a signed URL: the signature, not a tenant, is what authorises it. */
    Optional<StoredFile> findBySignedId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from files where id = :id").param("id", id)
                .query(FileRepository::map).optional();
    }

    /** Marks a local upload received, with its plaintext's size; false when it already was (an upload URL works once). */
    boolean markUploaded(UUID id, Instant at, long size) {
        return jdbc.sql("update files set uploaded_at = :at, size = :size where id = :id and uploaded_at is null")
                .param("id", id).param("at", Timestamp.from(at)).param("size", size).update() == 1;
    }

    private static StoredFile map(ResultSet row, int n) throws SQLException {
        Timestamp uploaded = row.getTimestamp("uploaded_at");
        return new StoredFile(row.getObject("id", UUID.class),
                new Tenant(row.getObject("platform_id", UUID.class), Mode.fromCode(row.getString("mode")).orElseThrow()),
                new FileBinding(row.getObject("customer_id", UUID.class), row.getObject("owner_id", UUID.class),
                        row.getString("purpose")),
                row.getString("storage_key"),
                row.getTimestamp("upload_expires_at").toInstant(),
                uploaded == null ? null : uploaded.toInstant(),
                row.getTimestamp("created_at").toInstant(),
                row.getBytes("file_key") == null ? null : new WrappedKey(row.getString("file_key_master"), row.getBytes("file_key")),
                row.getObject("size", Long.class));
    }
}
