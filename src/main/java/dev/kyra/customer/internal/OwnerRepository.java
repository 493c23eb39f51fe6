package dev.kyra.customer.internal;

import dev.kyra.customer.Customer;
import dev.kyra.customer.FileRef;
import dev.kyra.customer.Owner;
import dev.kyra.customer.ReviewStatus;
import dev.kyra.database.Row;
import dev.kyra.platform.Tenant;
import dev.kyra.profile.OwnerFields;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Owners in PostgreSQL, always reached through their customer and scoped by tenant. */
@Repository
public class OwnerRepository {

    /** An owner with the storage keys of its ID files, joined from the uploads they were registered from. */
    /**
     * The owners of the customer row {@code c} as one JSON array (null when it has none), oldest first:
     * the one SQL that reads owners, alone or in {@link CustomerReader}'s single statement.
     */
    public static final String OF_CUSTOMER = """
            (select json_agg(json_build_object('id', o.id, 'customer_id', o.customer_id, 'status', o.status,
                    'admin_comments', o.admin_comments, 'profile', o.profile,
                    'id_document_front_file', o.id_document_front_file, 'front_key', front.storage_key,
                    'id_document_back_file', o.id_document_back_file, 'back_key', back.storage_key,
                    'created_at', o.created_at, 'updated_at', o.updated_at) order by o.id)
             from customer_owners o
             left join files front on front.id = o.id_document_front_file
             left join files back on back.id = o.id_document_back_file
             where o.customer_id = c.id and o.platform_id = c.platform_id and o.mode = c.mode)""";

    private final JdbcClient jdbc;
    private final ProfileCodec codec;

    public OwnerRepository(JdbcClient jdbc, ProfileCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    /** The customer's owners; their sealed fields are opened with the customer's key. */
    public List<Owner> findByCustomer(Customer customer) {
        return Row.mapAll(CustomerChildren.json(jdbc, OF_CUSTOMER, customer.tenant(), customer.id()), row -> map(row, customer));
    }

    /** One owner of the customer; a business has at most five, read together. */
    public Optional<Owner> find(Customer customer, UUID id) {
        return findByCustomer(customer).stream().filter(owner -> owner.id().equals(id)).findFirst();
    }

    /** An owner's sealed fields are sealed by its customer's key, each bound to the owner it belongs to. */
    private static ProfileCodec.Sealing sealing(Customer customer, UUID ownerId) {
        return new ProfileCodec.Sealing(customer.dataKey(), customer.tenant(), "owner/" + ownerId + "/");
    }

    public void insert(Customer customer, Owner owner) {
        Tenant tenant = customer.tenant();
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
                .param("profile", codec.encode(owner.profile(), sealing(customer, owner.id())))
                .param("createdAt", Timestamp.from(owner.createdAt()))
                .param("updatedAt", Timestamp.from(owner.updatedAt()))
                .update();
    }

    /** Writes a client's edit: the owner's profile and files, never its status. */
    public void update(Customer customer, Owner owner) {
        Tenant tenant = customer.tenant();
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
                .param("profile", codec.encode(owner.profile(), sealing(customer, owner.id())))
                .param("updatedAt", Timestamp.from(owner.updatedAt()))
                .update();
    }

    /** Writes a move of the owner's review status and its reviewer's comments; only {@code Transitions} calls it. */
    public void updateStatus(Tenant tenant, Owner owner) {
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

    public void delete(Tenant tenant, Owner owner) {
        jdbc.sql("delete from customer_owners where id = :id and customer_id = :customerId and platform_id = :platformId and mode = :mode")
                .param("id", owner.id()).param("customerId", owner.customerId())
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .update();
    }

    private static FileRef fileRef(Row row, String idColumn, String keyColumn) throws SQLException {
        UUID id = row.uuid(idColumn);
        return id == null ? null : new FileRef(id, row.text(keyColumn));
    }

    /** An owner of {@code customer}, read from a row of {@link #OF_CUSTOMER}. */
    public Owner map(Row row, Customer customer) throws SQLException {
        UUID id = row.uuid("id");
        return new Owner(
                id,
                row.uuid("customer_id"),
                ReviewStatus.valueOf(row.text("status")),
                DocumentRepository.comments(row.text("admin_comments")),
                codec.decode(row.text("profile"), OwnerFields::byKey, sealing(customer, id)),
                fileRef(row, "id_document_front_file", "front_key"),
                fileRef(row, "id_document_back_file", "back_key"),
                row.instant("created_at"),
                row.instant("updated_at"));
    }
}
