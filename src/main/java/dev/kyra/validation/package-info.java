/**
 * Reference data and format checks, in one place for every feature and face: ISO 3166-1 countries,
 * E.164 phone numbers, postal codes by country, email addresses and web addresses.
 */
package dev.kyra.validation;
