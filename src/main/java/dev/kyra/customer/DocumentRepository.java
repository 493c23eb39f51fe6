package dev.kyra.customer;

import dev.kyra.platform.Tenant;
import java.sql.ResultSet;
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
class DocumentRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = """
            select d.id, d.customer_id, d.type, d.name, d.extension, d.description, d.status,
                d.admin_comments::text as admin_comments, d.file_id, f.storage_key, d.created_at, d.updated_at
            from customer_documents d join files f on f.id = d.file_id""";

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Document> findByCustomer(Tenant tenant, UUID customerId) {
        return jdbc.sql(SELECT + " where d.customer_id = :customerId and d.platform_id = :platformId and d.mode = :mode"
                        + " and d.deleted_at is null order by d.id")
                .param("customerId", customerId).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query(DocumentRepository::map).list();
    }

    Optional<Document> find(Tenant tenant, UUID customerId, UUID id) {
        return jdbc.sql(SELECT + " where d.id = :id and d.customer_id = :customerId and d.platform_id = :platformId"
                        + " and d.mode = :mode and d.deleted_at is null")
                .param("id", id).param("customerId", customerId)
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query(DocumentRepository::map).optional();
    }

    void insert(Tenant tenant, Document document) {
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
    void update(Tenant tenant, Document document) {
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

    /** Writes a move of the document's review status and its reviewer's comments; only {@link Transitions} calls it. */
    void updateStatus(Tenant tenant, Document document) {
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

    void markDeleted(Tenant tenant, Document document, Instant at) {
        jdbc.sql("""
                        update customer_documents set deleted_at = :at, updated_at = :at
                        where id = :id and customer_id = :customerId and platform_id = :platformId and mode = :mode""")
                .param("id", document.id()).param("customerId", document.customerId())
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .param("at", Timestamp.from(at))
                .update();
    }

    static String comments(List<String> comments) {
        return comments == null ? null : JSON.writeValueAsString(comments);
    }

    static List<String> comments(String json) {
        if (json == null) {
            return null;
        }
        List<String> comments = new ArrayList<>();
        for (JsonNode comment : JSON.readTree(json).values()) {
            comments.add(comment.stringValue());
        }
        return List.copyOf(comments);
    }

    private static Document map(ResultSet row, int n) throws SQLException {
        return new Document(row.getObject("id", UUID.class), row.getObject("customer_id", UUID.class),
                row.getString("type"), row.getString("name"), row.getString("extension"), row.getString("description"),
                ReviewStatus.valueOf(row.getString("status")), comments(row.getString("admin_comments")),
                new FileRef(row.getObject("file_id", UUID.class), row.getString("storage_key")),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }
}
