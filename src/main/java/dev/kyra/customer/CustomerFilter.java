package dev.kyra.customer;

import dev.kyra.profile.CustomerType;
import dev.kyra.query.SqlFragment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact-match filters of a customer list; a null component does not filter. All set filters must
 * hold.
 */
public record CustomerFilter(String email, String idNumber, String registrationNumber,
                             VerificationStatus verificationStatus, CustomerType type) {

    /** Every customer of the tenant. */
    public static final CustomerFilter NONE = new CustomerFilter(null, null, null, null, null);

    /** The orders a list can come in. */
    public enum Order {
        /** Oldest first: the stable "natural" order of unpaginated lists. */
        OLDEST_FIRST("created_at, id"),
        NEWEST_FIRST("created_at desc, id desc");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /**
     * Whether a filter names at most a handful of customers: an email, an id number or a registration
     * number. Without one, a list may hold every customer of the tenant.
     */
    public boolean isSelective() {
        return email != null || idNumber != null || registrationNumber != null;
    }

    /** Whether only the type and verification status filter: totals the counts table keeps. */
    public boolean byTypeAndStatusOnly() {
        return email == null && idNumber == null && registrationNumber == null;
    }

    /** The filters as bound SQL on indexed columns. */
    public SqlFragment sql() {
        List<String> terms = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        add(terms, params, "email", email);
        add(terms, params, "id_number", idNumber);
        add(terms, params, "registration_number", registrationNumber);
        add(terms, params, "verification_status", verificationStatus == null ? null : verificationStatus.name());
        add(terms, params, "type", type == null ? null : type.code());
        return new SqlFragment(terms.isEmpty() ? "true" : String.join(" and ", terms), params);
    }

    private static void add(List<String> terms, Map<String, Object> params, String column, Object value) {
        if (value != null) {
            terms.add(column + " = :" + column);
            params.put(column, value);
        }
    }
}
