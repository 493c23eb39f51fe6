package dev.kyra.customer;

import dev.kyra.platform.Mode;
import dev.kyra.platform.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers in PostgreSQL. Every statement is scoped by platform and mode. */
@Repository
class CustomerRepository {

    private static final String COLUMNS = """
            id, object_id, platform_id, mode, type, verification_status, kyb_scope, kyc_data_id,
            enhanced_due_diligence, profile::text as profile, version, created_at, updated_at""";

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Customer customer) {
        jdbc.sql("""
                        insert into customers (id, object_id, platform_id, mode, type, verification_status, kyb_scope,
                            kyc_data_id, enhanced_due_diligence, profile, version, created_at, updated_at)
                        values (:id, :objectId, :platformId, :mode, :type, :status, :kybScope, :kycDataId, :edd,
                            cast(:profile as jsonb), :version, :createdAt, :updatedAt)""")
                .param("id", customer.id())
                .param("objectId", customer.objectId())
                .param("platformId", customer.tenant().platformId())
                .param("mode", customer.tenant().mode().code())
                .param("type", customer.type().code())
                .param("status", customer.verificationStatus().name())
                .param("kybScope", customer.kybScope() == null ? null : customer.kybScope().name())
                .param("kycDataId", customer.kycDataId())
                .param("edd", customer.enhancedDueDiligence())
                .param("profile", ProfileCodec.encode(customer.profile()))
                .param("version", customer.version())
                .param("createdAt", Timestamp.from(customer.createdAt()))
                .param("updatedAt", Timestamp.from(customer.updatedAt()))
                .update();
    }

    /** Writes the mutable parts of a customer that the caller holds locked. */
    void update(Customer customer) {
        int updated = jdbc.sql("""
                        update customers set verification_status = :status, kyb_scope = :kybScope,
                            profile = cast(:profile as jsonb), version = :version, updated_at = :updatedAt
                        where id = :id and platform_id = :platformId and mode = :mode""")
                .param("id", customer.id())
                .param("platformId", customer.tenant().platformId())
                .param("mode", customer.tenant().mode().code())
                .param("status", customer.verificationStatus().name())
                .param("kybScope", customer.kybScope() == null ? null : customer.kybScope().name())
                .param("profile", ProfileCodec.encode(customer.profile()))
                .param("version", customer.version())
                .param("updatedAt", Timestamp.from(customer.updatedAt()))
                .update();
        if (updated != 1) {
            throw new IllegalStateException("customer " + customer.id() + " vanished while locked");
        }
    }

    Optional<Customer> find(Tenant tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from customers where id = :id and platform_id = :platformId and mode = :mode")
                .param("id", id).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query(CustomerRepository::map).optional();
    }

    /** Reads and row-locks the customer until the transaction ends: concurrent writers queue here. */
    Optional<Customer> findForUpdate(Tenant tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from customers where id = :id and platform_id = :platformId and mode = :mode for update")
                .param("id", id).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query(CustomerRepository::map).optional();
    }

    boolean registrationTaken(Tenant tenant, String registrationNumber, String incorporationCountry, UUID excluding) {
        return jdbc.sql("""
                        select exists (select 1 from customers
                            where platform_id = :platformId and mode = :mode and type = 'business'
                            and registration_number = :number and incorporation_country = :country and id <> :excluding)""")
                .param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .param("number", registrationNumber).param("country", incorporationCountry)
                .param("excluding", excluding)
                .query(Boolean.class).single();
    }

    List<Customer> list(Tenant tenant, CustomerFilter filter, CustomerFilter.Order order, int offset, int limit) {
        SqlFilter where = SqlFilter.of(tenant, filter);
        return jdbc.sql("select " + COLUMNS + " from customers where " + where.sql() + " order by " + order.sql()
                        + " offset :offset limit :limit")
                .params(where.params()).param("offset", offset).param("limit", limit)
                .query(CustomerRepository::map).list();
    }

    long count(Tenant tenant, CustomerFilter filter) {
        SqlFilter where = SqlFilter.of(tenant, filter);
        return jdbc.sql("select count(*) from customers where " + where.sql())
                .params(where.params()).query(Long.class).single();
    }

    private static Customer map(ResultSet row, int rowNumber) throws SQLException {
        String kybScope = row.getString("kyb_scope");
        return new Customer(
                row.getObject("id", UUID.class),
                row.getBytes("object_id"),
                new Tenant(row.getObject("platform_id", UUID.class), Mode.fromCode(row.getString("mode")).orElseThrow()),
                CustomerType.fromCode(row.getString("type")).orElseThrow(),
                VerificationStatus.valueOf(row.getString("verification_status")),
                kybScope == null ? null : KybScope.valueOf(kybScope),
                row.getObject("kyc_data_id", UUID.class),
                row.getBoolean("enhanced_due_diligence"),
                ProfileCodec.decode(row.getString("profile"), CustomerFields::byKey),
                row.getLong("version"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }

    /** The where clause of a list: the tenant, then each filter that is set, all as bound parameters. */
    private record SqlFilter(String sql, java.util.Map<String, Object> params) {

        static SqlFilter of(Tenant tenant, CustomerFilter filter) {
            StringBuilder sql = new StringBuilder("platform_id = :platformId and mode = :mode");
            java.util.Map<String, Object> params = new java.util.HashMap<>();
            params.put("platformId", tenant.platformId());
            params.put("mode", tenant.mode().code());
            if (filter.email() != null) {
                sql.append(" and email = :email");
                params.put("email", filter.email());
            }
            if (filter.idNumber() != null) {
                sql.append(" and id_number = :idNumber");
                params.put("idNumber", filter.idNumber());
            }
            if (filter.registrationNumber() != null) {
                sql.append(" and registration_number = :registrationNumber");
                params.put("registrationNumber", filter.registrationNumber());
            }
            if (filter.verificationStatus() != null) {
                sql.append(" and verification_status = :status");
                params.put("status", filter.verificationStatus().name());
            }
            if (filter.type() != null) {
                sql.append(" and type = :type");
                params.put("type", filter.type().code());
            }
            return new SqlFilter(sql.toString(), params);
        }
    }
}
