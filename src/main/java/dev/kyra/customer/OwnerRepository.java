package dev.kyra.customer;

import dev.kyra.platform.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Owners in PostgreSQL, always reached through their customer and scoped by tenant. */
@Repository
class OwnerRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS =
            "id, customer_id, status, admin_comments::text as admin_comments, profile::text as profile, created_at, updated_at";

    private final JdbcClient jdbc;

    OwnerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Owner> findByCustomer(Tenant tenant, UUID customerId) {
        return jdbc.sql("select " + COLUMNS + " from customer_owners "
                        + "where customer_id = :customerId and platform_id = :platformId and mode = :mode order by id")
                .param("customerId", customerId)
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query(OwnerRepository::map).list();
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
                .param("comments", encodeComments(owner.adminComments()))
                .param("profile", ProfileCodec.encode(owner.profile()))
                .param("createdAt", Timestamp.from(owner.createdAt()))
                .param("updatedAt", Timestamp.from(owner.updatedAt()))
                .update();
    }

    void update(Tenant tenant, Owner owner) {
        jdbc.sql("""
                        update customer_owners set status = :status, admin_comments = cast(:comments as jsonb),
                            profile = cast(:profile as jsonb), updated_at = :updatedAt
                        where id = :id and customer_id = :customerId and platform_id = :platformId and mode = :mode""")
                .param("id", owner.id())
                .param("customerId", owner.customerId())
                .param("platformId", tenant.platformId())
                .param("mode", tenant.mode().code())
                .param("status", owner.status().name())
                .param("comments", encodeComments(owner.adminComments()))
                .param("profile", ProfileCodec.encode(owner.profile()))
                .param("updatedAt", Timestamp.from(owner.updatedAt()))
                .update();
    }

    private static String encodeComments(List<String> comments) {
        return comments == null ? null : JSON.writeValueAsString(comments);
    }

    private static Owner map(ResultSet row, int rowNumber) throws SQLException {
        String comments = row.getString("admin_comments");
        List<String> adminComments = null;
        if (comments != null) {
            adminComments = new ArrayList<>();
            for (JsonNode comment : JSON.readTree(comments).values()) {
                adminComments.add(comment.stringValue());
            }
        }
        return new Owner(
                row.getObject("id", UUID.class),
                row.getObject("customer_id", UUID.class),
                ReviewStatus.valueOf(row.getString("status")),
                adminComments == null ? null : List.copyOf(adminComments),
                ProfileCodec.decode(row.getString("profile"), OwnerFields::byKey),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
