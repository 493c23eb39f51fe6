package dev.kyra.customer;

import dev.kyra.platform.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Owners in PostgreSQL, always reached through their customer and scoped by tenant. */
@Repository
class OwnerRepository {

    /** An owner with the storage keys of its ID files, joined from the uploads they were registered from. */
    private static final String SELECT = """
            select o.id, o.customer_id, o.status, o.admin_comments::text as admin_comments, o.profile::text as profile,
                o.id_document_front_file, front.storage_key as front_key, o.id_document_back_file, back.storage_key as back_key,
                o.created_at, o.updated_at
            from customer_owners o
            left join files front on front.id = o.id_document_front_file
            left join files back on back.id = o.id_document_back_file""";

    private final JdbcClient jdbc;

    OwnerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Owner> findByCustomer(Tenant tenant, UUID customerId) {
        return jdbc.sql(SELECT + " where o.customer_id = :customerId and o.platform_id = :platformId and o.mode = :mode order by o.id")
                .param("customerId", customerId)
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query(OwnerRepository::map).list();
    }

    Optional<Owner> find(Tenant tenant, UUID customerId, UUID id) {
        return jdbc.sql(SELECT + " where o.id = :id and o.customer_id = :customerId and o.platform_id = :platformId and o.mode = :mode")
                .param("id", id).param("customerId", customerId)
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query(OwnerRepository::map).optional();
    }

    void insert(Tenant tenant, Owner owner) {
        jdbc.sql("""
                        insert into customer_owners (id, customer_id, platform_id, mode, status, admin_comments, profile,
                            created_at, updated_at)
                        values (:id, :customerId, :platformId, :mode, :status, cast(:comments as jsonb),
                            cast(:profile as jsonb), :createdAt, :updatedAt)""")
                .param("id", owner.id())
                .param("customerId", owner.customerId())
                .param("platformId", tenant.platformId())
                .param("mode", tenant.mode().code())
                .param("status", owner.status().name())
                .param("comments", DocumentRepository.comments(owner.adminComments()))
                .param("profile", ProfileCodec.encode(owner.profile()))
                .param("createdAt", Timestamp.from(owner.createdAt()))
                .param("updatedAt", Timestamp.from(owner.updatedAt()))
                .update();
    }

    /** Writes a client's edit: the owner's profile and files, never its status. */
    void update(Tenant tenant, Owner owner) {
        jdbc.sql("""
                        update customer_owners set profile = cast(:profile as jsonb), id_document_front_file = :front,
                            id_document_back_file = :back, updated_at = :updatedAt
                        where id = :id and customer_id = :customerId and platform_id = :platformId and mode = :mode""")
                .param("front", owner.idDocumentFront() == null ? null : owner.idDocumentFront().fileId())
                .param("back", owner.idDocumentBack() == null ? null : owner.idDocumentBack().fileId())
                .param("id", owner.id())
                .param("customerId", owner.customerId())
                .param("platformId", tenant.platformId())
                .param("mode", tenant.mode().code())
                .param("profile", ProfileCodec.encode(owner.profile()))
                .param("updatedAt", Timestamp.from(owner.updatedAt()))
                .update();
    }

    /** Writes a move of the owner's review status and its reviewer's comments; only {@link Transitions} calls it. */
    void updateStatus(Tenant tenant, Owner owner) {
        jdbc.sql("""
                        update customer_owners set status = :status, admin_comments = cast(:comments as jsonb),
                            updated_at = :updatedAt
                        where id = :id and customer_id = :customerId and platform_id = :platformId and mode = :mode""")
                .param("id", owner.id())
                .param("customerId", owner.customerId())
                .param("platformId", tenant.platformId())
                .param("mode", tenant.mode().code())
                .param("status", owner.status().name())
                .param("comments", DocumentRepository.comments(owner.adminComments()))
                .param("updatedAt", Timestamp.from(owner.updatedAt()))
                .update();
    }

    void delete(Tenant tenant, Owner owner) {
        jdbc.sql("delete from customer_owners where id = :id and customer_id = :customerId and platform_id = :platformId and mode = :mode")
                .param("id", owner.id()).param("customerId", owner.customerId())
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .update();
    }

    private static FileRef fileRef(ResultSet row, String idColumn, String keyColumn) throws SQLException {
        UUID id = row.getObject(idColumn, UUID.class);
        return id == null ? null : new FileRef(id, row.getString(keyColumn));
    }

    private static Owner map(ResultSet row, int rowNumber) throws SQLException {
        return new Owner(
                row.getObject("id", UUID.class),
                row.getObject("customer_id", UUID.class),
                ReviewStatus.valueOf(row.getString("status")),
                DocumentRepository.comments(row.getString("admin_comments")),
                ProfileCodec.decode(row.getString("profile"), OwnerFields::byKey),
                fileRef(row, "id_document_front_file", "front_key"),
                fileRef(row, "id_document_back_file", "back_key"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
