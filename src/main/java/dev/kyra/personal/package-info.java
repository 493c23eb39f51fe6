/**
 * Personal data at rest (decision D11, design "Personal data"): a data key per customer, wrapped by
 * the master key; the sealing of identifiers and dates of birth with it; blind indexes for equality
 * and uniqueness; the keys of uploaded files; and the rotation of the master key. Nothing here knows
 * a face or a customer's fields: the customer module says what to seal, this module says how.
 */
package dev.kyra.personal;
