/**
 * Platforms (Kyra's tenants), modes, and the credentials that act for them: OAuth clients, API keys,
 * the admin token, and the keys that sign access tokens.
 */
package dev.kyra.platform;
