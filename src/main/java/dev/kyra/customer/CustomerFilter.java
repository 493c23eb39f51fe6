package dev.kyra.customer;

/**
 * Exact-match filters of a customer list; a null component does not filter. All set filters must
 * hold.
 */
public record CustomerFilter(String email, String idNumber, String registrationNumber,
                             VerificationStatus verificationStatus, CustomerType type) {

    /** The orders a list can come in. */
    public enum Order {
        /** Oldest first: the stable "natural" order of unpaginated lists. */
        OLDEST_FIRST("created_at, id"),
        NEWEST_FIRST("created_at desc, id desc");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }

        String sql() {
            return sql;
        }
    }
}
