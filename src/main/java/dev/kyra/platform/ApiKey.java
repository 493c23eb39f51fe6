package dev.kyra.platform;

import java.time.Instant;
import java.util.List;

/** A stored API key: its public id, the face it is for, tenant and scopes. The key itself is never kept. */
public record ApiKey(String id, ApiKeyFace face, Tenant tenant, List<String> scopes, Instant createdAt, Instant revokedAt) {
}
