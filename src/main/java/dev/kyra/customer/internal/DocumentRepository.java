package dev.kyra.customer.internal;

import dev.kyra.customer.Document;
import dev.kyra.customer.FileRef;
import dev.kyra.customer.ReviewStatus;
import dev.kyra.database.Row;
import dev.kyra.platform.Tenant;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A customer's KYB documents, deleted ones left out, always scoped by tenant. */
@Repository
public class DocumentRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The documents of the customer row {@code c} that are not deleted, as one JSON array (null when none), oldest first. */
    public static final String OF_CUSTOMER = """
            (select json_agg(json_build_object('id', d.id, 'customer_id', d.customer_id, 'type', d.type, 'name', d.name,
                    'extension', d.extension, 'description', d.description, 'status', d.status,
                    'admin_comments', d.admin_comments, 'file_id', d.file_id, 'storage_key', f.storage_key,
                    'created_at', d.created_at, 'updated_at', d.updated_at) order by d.id)
             from customer_documents d join files f on f.id = d.file_id
             where d.customer_id = c.id and d.platform_id = c.platform_id and d.mode = c.mode and d.deleted_at is null)""";


    private final JdbcClient jdbc;

    public DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Document> findByCustomer(Tenant tenant, UUID customerId) {
        return Row.mapAll(CustomerChildren.json(jdbc, OF_CUSTOMER, tenant, customerId), DocumentRepository::map);
    }

    public Optional<Document> find(Tenant tenant, UUID customerId, UUID id) {
        return findByCustomer(tenant, customerId).stream().filter(document -> document.id().equals(id)).findFirst();
    }

    public void insert(Tenant tenant, Document document) {
        jdbc.sql("""
                        insert into customer_documents (id, customer_id, platform_id, mode, type, name, extension,
                            description, status, admin_comments, file_id, created_at, updated_at)
                        values (:id, :customerId, :platformId, :mode, :type, :name, :extension, :description, :status,
                            cast(:comments as jsonb), :fileId, :createdAt, :updatedAt)""")
                .param("id", document.id()).param("customerId", document.customerId())
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .param("type", document.type()).param("name", document.name()).param("extension", document.extension())
                .param("description", document.description()).param("status", document.status().name())
                .param("comments", comments(document.adminComments())).param("fileId", document.file().fileId())
                .param("createdAt", Timestamp.from(document.createdAt()))
                .param("updatedAt", Timestamp.from(document.updatedAt()))
                .update();
    }

    /** Writes a client's edit: the document's data, never its status. */
    public void update(Tenant tenant, Document document) {
        jdbc.sql("""
                        update customer_documents set type = :type, name = :name, extension = :extension,
                            description = :description, file_id = :fileId, updated_at = :updatedAt
                        where id = :id and customer_id = :customerId and platform_id = :platformId and mode = :mode""")
                .param("id", document.id()).param("customerId", document.customerId())
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .param("type", document.type()).param("name", document.name()).param("extension", document.extension())
                .param("description", document.description()).param("fileId", document.file().fileId())
                .param("updatedAt", Timestamp.from(document.updatedAt()))
                .update();
    }

    /** Writes a move of the document's review status and its reviewer's comments; only {@code Transitions} calls it. */
    public void updateStatus(Tenant tenant, Document document) {
        jdbc.sql("""
                        update customer_documents set status = :status, admin_comments = cast(:comments as jsonb),
                            updated_at = :updatedAt
                        where id = :id and customer_id = :customerId and platform_id = :platformId and mode = :mode""")
                .param("id", document.id()).param("customerId", document.customerId())
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .param("status", document.status().name()).param("comments", comments(document.adminComments()))
                .param("updatedAt", Timestamp.from(document.updatedAt()))
                .update();
    }

    public void markDeleted(Tenant tenant, Document document, Instant at) {
        jdbc.sql("""
                        update customer_documents set deleted_at = :at, updated_at = :at
                        where id = :id and customer_id = :customerId and platform_id = :platformId and mode = :mode""")
                .param("id", document.id()).param("customerId", document.customerId())
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .param("at", Timestamp.from(at))
                .update();
    }

    public static String comments(List<String> comments) {
        return comments == null ? null : JSON.writeValueAsString(comments);
    }

    public static List<String> comments(String json) {
        if (json == null) {
            return null;
        }
        List<String> comments = new ArrayList<>();
        for (JsonNode comment : JSON.readTree(json).values()) {
            comments.add(comment.stringValue());
        }
        return List.copyOf(comments);
    }

    public static Document map(Row row) throws SQLException {
        return new Document(row.uuid("id"), row.uuid("customer_id"),
                row.text("type"), row.text("name"), row.text("extension"), row.text("description"),
                ReviewStatus.valueOf(row.text("status")), comments(row.text("admin_comments")),
                new FileRef(row.uuid("file_id"), row.text("storage_key")),
                row.instant("created_at"), row.instant("updated_at"));
    }
}
