package dev.kyra.platform;

import java.util.Objects;

/**
 * Who is acting: a credential (OAuth client, API key, admin) on behalf of a tenant. The actor names
 * the credential, never a secret, and is what a customer's history records.
 */
public record Caller(Tenant tenant, Actor actor) {

    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
    }
}
