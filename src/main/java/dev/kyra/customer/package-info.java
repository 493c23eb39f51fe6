/**
 * The registry core: customers with their owners, documents, legacy files and tiers, the lifecycle
 * and its one writer ({@code Transitions}), reviews, and every rule about them that is not a wire
 * format's own. The services ({@link dev.kyra.customer.CustomerService} and its siblings) and the
 * records they return are its API; storage is in {@code customer.internal}, which no other module
 * may use.
 */
package dev.kyra.customer;
