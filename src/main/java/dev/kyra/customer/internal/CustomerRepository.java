package dev.kyra.customer.internal;

import static dev.kyra.profile.CustomerFields.INCORPORATION_COUNTRY;
import static dev.kyra.profile.CustomerFields.REGISTRATION_NUMBER;

import dev.kyra.customer.Activity;
import dev.kyra.customer.Customer;
import dev.kyra.customer.CustomerFilter;
import dev.kyra.customer.CustomerPage;
import dev.kyra.customer.CustomerQueries;
import dev.kyra.customer.CustomerRef;
import dev.kyra.customer.KybScope;
import dev.kyra.customer.VerificationStatus;
import dev.kyra.personal.DataKey;
import dev.kyra.personal.DataKeys;
import dev.kyra.personal.WrappedKey;
import dev.kyra.platform.Mode;
import dev.kyra.platform.Tenant;
import dev.kyra.profile.Attribute;
import dev.kyra.profile.CustomerFields;
import dev.kyra.profile.CustomerType;
import dev.kyra.profile.DuplicateException;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.NotFoundException;
import dev.kyra.profile.Violation;
import dev.kyra.query.KeysetSearch;
import dev.kyra.query.ListQuery;
import dev.kyra.query.SqlFragment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers in PostgreSQL. Every statement is scoped by platform and mode. */
@Repository
public class CustomerRepository {

    public static final String COLUMNS = """
            id, object_id, platform_id, mode, type, verification_status, kyb_scope, status, reference, kyc_data_id,
            enhanced_due_diligence, profile::text as profile, metadata::text as metadata, version, created_at, updated_at,
            data_key, data_key_master""";
    private static final String TENANT = "platform_id = :platformId and mode = :mode";

    private final JdbcClient jdbc;
    private final KeysetSearch<Customer> search;
    private final ProfileCodec codec;
    private final DataKeys dataKeys;

    public CustomerRepository(JdbcClient jdbc, ProfileCodec codec, DataKeys dataKeys) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.dataKeys = dataKeys;
        this.search = new KeysetSearch<>(jdbc, COLUMNS, "customers", CustomerQueries.ATTRIBUTES, "id", "object_id", "customer",
                this::map);
    }

    /** @throws DuplicateException when the reference or a business's registration is taken */
    public void insert(Customer customer) {
        translatingDuplicates(() -> jdbc.sql("""
                        insert into customers (id, object_id, platform_id, mode, type, verification_status, kyb_scope,
                            status, reference, kyc_data_id, enhanced_due_diligence, profile, metadata, version,
                            created_at, updated_at, data_key, data_key_master)
                        values (:id, :objectId, :platformId, :mode, :type, :verificationStatus, :kybScope, :status,
                            :reference, :kycDataId, :edd, cast(:profile as jsonb), cast(:metadata as json), :version,
                            :createdAt, :updatedAt, :dataKey, :dataKeyMaster)""")
                .param("id", customer.id())
                .param("objectId", customer.objectId())
                .param("platformId", customer.tenant().platformId())
                .param("mode", customer.tenant().mode().code())
                .param("type", customer.type().code())
                .param("verificationStatus", customer.verificationStatus().name())
                .param("kybScope", customer.kybScope() == null ? null : customer.kybScope().name())
                .param("status", customer.status().code())
                .param("reference", customer.reference())
                .param("kycDataId", customer.kycDataId())
                .param("edd", customer.enhancedDueDiligence())
                .param("profile", codec.encode(customer.profile(), ProfileCodec.Sealing.customer(customer.dataKey(), customer.tenant())))
                .param("metadata", customer.metadata())
                .param("version", customer.version())
                .param("dataKey", customer.dataKey() == null ? null : customer.dataKey().wrapped().bytes())
                .param("dataKeyMaster", customer.dataKey() == null ? null : customer.dataKey().wrapped().masterKeyId())
                .param("createdAt", Timestamp.from(customer.createdAt()))
                .param("updatedAt", Timestamp.from(customer.updatedAt()))
                .update());
    }

    /** Writes a customer's data that the caller holds locked: profile, reference, metadata, never a status. */
    public void update(Customer customer) {
        int updated = translatingDuplicates(() -> jdbc.sql("""
                        update customers set reference = :reference, profile = cast(:profile as jsonb),
                            metadata = cast(:metadata as json), version = :version, updated_at = :updatedAt
                        where id = :id and\s""" + TENANT)
                .param("id", customer.id())
                .param("platformId", customer.tenant().platformId())
                .param("mode", customer.tenant().mode().code())
                .param("reference", customer.reference())
                .param("profile", codec.encode(customer.profile(), ProfileCodec.Sealing.customer(customer.dataKey(), customer.tenant())))
                .param("metadata", customer.metadata())
                .param("version", customer.version())
                .param("updatedAt", Timestamp.from(customer.updatedAt()))
                .update());
        if (updated != 1) {
            throw new IllegalStateException("customer " + customer.id() + " vanished while locked");
        }
    }

    /**
     * Writes a change of the customer's verification status, KYB scope or activity; only
     * {@code Transitions} calls it. Entering PROCESSING stamps when the customer joined the
     * reviewers' queue; leaving it clears that.
     */
    public void updateStatus(Customer customer) {
        int updated = jdbc.sql("""
                        update customers set verification_status = :status, kyb_scope = :kybScope, status = :activity,
                            version = :version, updated_at = :updatedAt,
                            review_requested_at = case when :status = 'PROCESSING'
                                then coalesce(review_requested_at, :updatedAt) else null end
                        where id = :id and\s""" + TENANT)
                .param("id", customer.id())
                .param("platformId", customer.tenant().platformId())
                .param("mode", customer.tenant().mode().code())
                .param("status", customer.verificationStatus().name())
                .param("kybScope", customer.kybScope() == null ? null : customer.kybScope().name())
                .param("activity", customer.status().code())
                .param("version", customer.version())
                .param("updatedAt", Timestamp.from(customer.updatedAt()))
                .update();
        if (updated != 1) {
            throw new IllegalStateException("customer " + customer.id() + " vanished while locked");
        }
    }

    // Uniqueness of a business's registration and of a reference is the unique indexes' to enforce:
    // they decide even between two concurrent writers, and a check before writing would only repeat them.
    private static int translatingDuplicates(java.util.function.IntSupplier write) {
        try {
            return write.getAsInt();
        } catch (DuplicateKeyException e) {
            String constraint = String.valueOf(e.getMostSpecificCause().getMessage());
            if (constraint.contains("customers_reference_unique")) {
                throw new DuplicateException(Violation.of(FieldPath.of(Attribute.REFERENCE),
                        "Another customer already has this {field}"));
            }
            if (constraint.contains("customers_registration_unique")) {
                throw new DuplicateException(Violation.of(REGISTRATION_NUMBER,
                        "Another business customer in this platform already has this {0} + {1} combination.",
                        FieldPath.of(REGISTRATION_NUMBER), FieldPath.of(INCORPORATION_COUNTRY)));
            }
            throw e; // an id collision: not the client's doing
        }
    }

    /** The tenant a customer belongs to, for Kyra's own reviewers, who work across tenants. */
    public Optional<Tenant> tenantOf(UUID id) {
        return jdbc.sql("select platform_id, mode from customers where id = :id").param("id", id)
                .query((row, n) -> new Tenant(row.getObject("platform_id", UUID.class),
                        Mode.fromCode(row.getString("mode")).orElseThrow()))
                .optional();
    }

    public Optional<Customer> find(Tenant tenant, CustomerRef ref) {
        return select(tenant, ref, "");
    }

    /**
     * Reads and row-locks the customer until the transaction ends: concurrent writers queue here.
     *
     * @throws NotFoundException when the tenant has no such customer
     */
    public Customer lock(Tenant tenant, CustomerRef ref) {
        return withDataKey(select(tenant, ref, " for update").orElseThrow(NotFoundException::customer));
    }

    /** Reads and row-locks the customer as it is, without giving it a key: for its erasure. */
    public Customer lockAsIs(Tenant tenant, CustomerRef ref) {
        return select(tenant, ref, " for update").orElseThrow(NotFoundException::customer);
    }

    /**
     * The locked customer with a data key: one without (erased, or written before encryption) is given
     * one here, before anything of it is written, so every write that follows seals with it.
     */
    private Customer withDataKey(Customer customer) {
        if (customer.dataKey() != null) {
            return customer;
        }
        DataKey key = dataKeys.create(customer.tenant(), customer.id());
        if (key == null) {
            return customer; // encryption is off
        }
        jdbc.sql("update customers set data_key = :key, data_key_master = :master where id = :id and " + TENANT)
                .param("key", key.wrapped().bytes()).param("master", key.wrapped().masterKeyId()).param("id", customer.id())
                .param("platformId", customer.tenant().platformId()).param("mode", customer.tenant().mode().code())
                .update();
        return customer.withDataKey(key);
    }

    private Optional<Customer> select(Tenant tenant, CustomerRef ref, String lock) {
        String key = ref instanceof CustomerRef.ById ? "id" : "object_id";
        Object value = switch (ref) {
            case CustomerRef.ById byId -> byId.id();
            case CustomerRef.ByObjectId byObjectId -> byObjectId.objectId();
        };
        return jdbc.sql("select " + COLUMNS + " from customers where " + key + " = :key and " + TENANT + lock)
                .param("key", value).param("platformId", tenant.platformId()).param("mode", tenant.mode().code())
                .query(this::map).optional();
    }

    /**
     * Every matching customer, oldest first, handed over batch by batch: each batch is its own short
     * statement that starts after the last row of the one before (a keyset on created_at and id), so
     * no transaction or connection is held while the caller writes rows to a slow client, and memory
     * holds one batch whatever the tenant's size.
     */
    public void forEachOldestFirst(Tenant tenant, CustomerFilter filter, int batchSize, Consumer<Customer> each) {
        SqlFragment where = where(tenant, filter);
        Customer last = null;
        while (true) {
            var statement = jdbc.sql("select " + COLUMNS + " from customers where " + where.sql()
                            + (last == null ? "" : " and (created_at, id) > (:afterCreatedAt, :afterId)")
                            + " order by created_at, id limit :limit")
                    .params(where.params()).param("limit", batchSize);
            if (last != null) {
                statement = statement.param("afterCreatedAt", Timestamp.from(last.createdAt()))
                        .param("afterId", last.id());
            }
            List<Customer> batch = statement.query(this::map).list();
            batch.forEach(each);
            if (batch.size() < batchSize) {
                return;
            }
            last = batch.getLast();
        }
    }

    /**
     * One page of the matching customers and how many match in all, in one statement (one snapshot:
     * the total counts the rows the page was cut from). Filtered by type and status alone, the total is
     * read from the counts the database keeps (migration V7) instead of counting every match.
     */
    public CustomerPage page(Tenant tenant, CustomerFilter filter, CustomerFilter.Order order, int offset, int limit) {
        SqlFragment where = where(tenant, filter);
        String total = totalSql(filter, where);
        List<Customer> items = new ArrayList<>();
        long[] matching = {0};
        jdbc.sql("with total as (" + total + "), items as (select " + COLUMNS + " from customers where " + where.sql()
                        + " order by " + order.sql() + " offset :offset limit :limit)"
                        + " select total.total, items.* from total left join items on true order by " + order.sql())
                .params(where.params()).param("offset", offset).param("limit", limit)
                .query((row, n) -> {
                    matching[0] = row.getLong("total");
                    if (row.getObject("id") != null) { // an empty page is the total alone
                        items.add(map(row, n));
                    }
                    return null;
                })
                .list();
        return new CustomerPage(items, matching[0]);
    }

    /**
     * A page of a list query, read by keyset ({@link KeysetSearch}). Counted without conditions, the
     * total comes from the counts the database keeps instead of counting every customer.
     */
    public SearchPage search(Tenant tenant, ListQuery query) {
        boolean keptTotal = query.countTotal() && query.conditions().isEmpty();
        KeysetSearch.Page<Customer> page = search.page(keptTotal ? query.withoutTotal() : query, tenantFragment(tenant),
                CustomerQueries::objectId);
        return new SearchPage(page.items(), page.hasMore(), keptTotal ? Long.valueOf(count(tenant, CustomerFilter.NONE)) : page.total());
    }

    public record SearchPage(List<Customer> items, boolean hasMore, Long total) {
    }

    private long count(Tenant tenant, CustomerFilter filter) {
        SqlFragment where = where(tenant, filter);
        return jdbc.sql(totalSql(filter, where)).params(where.params()).query(Long.class).single();
    }

    /** How many customers match, as a column {@code total}; by type and status alone, from the counts kept. */
    private static String totalSql(CustomerFilter filter, SqlFragment where) {
        return filter.byTypeAndStatusOnly()
                ? "select coalesce(sum(customers), 0) as total from customer_counts where " + where.sql()
                : "select count(*) as total from customers where " + where.sql();
    }

    /**
     * The tenant's rows the filter names. Identifiers are sealed, so their columns hold blind
     * indexes: the filter's values are looked up by theirs.
     */
    private SqlFragment where(Tenant tenant, CustomerFilter filter) {
        CustomerFilter blind = new CustomerFilter(filter.email(),
                filter.idNumber() == null ? null : codec.blindIndex(tenant, CustomerFields.ID_NUMBER, filter.idNumber()),
                filter.registrationNumber() == null ? null
                        : codec.blindIndex(tenant, CustomerFields.REGISTRATION_NUMBER, filter.registrationNumber()),
                filter.verificationStatus(), filter.type());
        return tenantFragment(tenant).and(blind.sql());
    }

    private static SqlFragment tenantFragment(Tenant tenant) {
        Map<String, Object> params = new HashMap<>();
        params.put("platformId", tenant.platformId());
        params.put("mode", tenant.mode().code());
        return new SqlFragment(TENANT, params);
    }

    /** A customer from a row of {@link #COLUMNS}, its sealed fields opened with its own key. */
    public Customer map(ResultSet row, int rowNumber) throws SQLException {
        String kybScope = row.getString("kyb_scope");
        UUID id = row.getObject("id", UUID.class);
        Tenant tenant = new Tenant(row.getObject("platform_id", UUID.class), Mode.fromCode(row.getString("mode")).orElseThrow());
        byte[] wrapped = row.getBytes("data_key");
        DataKey key = dataKeys.open(tenant, id, wrapped == null ? null : new WrappedKey(row.getString("data_key_master"), wrapped));
        return new Customer(
                id,
                row.getBytes("object_id"),
                tenant,
                CustomerType.fromCode(row.getString("type")).orElseThrow(),
                VerificationStatus.valueOf(row.getString("verification_status")),
                kybScope == null ? null : KybScope.valueOf(kybScope),
                Activity.fromCode(row.getString("status")).orElseThrow(),
                row.getString("reference"),
                row.getObject("kyc_data_id", UUID.class),
                row.getBoolean("enhanced_due_diligence"),
                codec.decode(row.getString("profile"), CustomerFields::byKey, ProfileCodec.Sealing.customer(key, tenant)),
                row.getString("metadata"),
                row.getLong("version"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(),
                key);
    }
}
