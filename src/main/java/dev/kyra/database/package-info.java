/**
 * Where Kyra's PostgreSQL comes from: an external server given by {@code KYRA_DATABASE_URL}, or an
 * embedded one it starts itself, with durability checked either way.
 */
package dev.kyra.database;
