package dev.kyra.platform;

import java.util.Objects;

/**
 * Who is acting: a credential (OAuth client, API key, admin) on behalf of a tenant. The actor names
 * the credential, never a secret, and is what audit entries record.
 */
public record Caller(Tenant tenant, String actor) {

    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
    }
}
