/**
 * The registry core: customers, their owners, and every rule about them that is not a wire format's
 * own. {@link dev.kyra.customer.CustomerService} is its public API; faces adapt it to JSON.
 */
package dev.kyra.customer;
